#include "TemplateTextEdit.h"

#include "NameCompleter.h"
#include "TemplateHighlighter.h"

#include <QAbstractItemView>
#include <QKeyEvent>
#include <QTextBlock>

namespace AuthStudio {

TemplateTextEdit::TemplateTextEdit(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new TemplateHighlighter(this))
    , m_completer(new NameCompleter(this))
{
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &TemplateTextEdit::insertCompletion);
}

void TemplateTextEdit::setKnownNames(const QStringList &names)
{
    m_highlighter->setKnownNames(names);
    m_completer->setNames(names);
}

const QStringList *TemplateTextEdit::knownNames() const
{
    return m_highlighter->knownNames();
}

QString TemplateTextEdit::lineBeforeCursor() const
{
    const QTextCursor cursor = textCursor();
    return cursor.block().text().left(cursor.positionInBlock());
}

void TemplateTextEdit::showCompletions()
{
    QString prefix;
    if (NameCompleter::partialNameStart(lineBeforeCursor(), &prefix) < 0) {
        m_completer->popup()->hide();
        return;
    }
    // The cursor's rectangle is in the viewport; the completer places its popup against this widget.
    m_completer->popUp(prefix, cursorRect().translated(viewport()->pos()));
}

void TemplateTextEdit::insertCompletion(const QString &name)
{
    QString prefix;
    const int start = NameCompleter::partialNameStart(lineBeforeCursor(), &prefix);
    if (start < 0)
        return;
    QTextCursor cursor = textCursor();
    const int blockStart = cursor.block().position();
    cursor.beginEditBlock(); // one undo step
    cursor.setPosition(blockStart + start, QTextCursor::KeepAnchor);
    cursor.insertText(name);
    // Close the expression when nothing on the line closes it yet, the cursor after the name for ".body".
    const QString after = cursor.block().text().mid(cursor.positionInBlock());
    if (NameCompleter::needsClosingBraces(after)) {
        cursor.insertText(QStringLiteral(" }}"));
        cursor.movePosition(QTextCursor::Left, QTextCursor::MoveAnchor, 3);
    }
    cursor.endEditBlock();
    setTextCursor(cursor);
    m_completer->popup()->hide();
}

void TemplateTextEdit::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->takesKey(event, [this] { showCompletions(); }))
        return;
    QPlainTextEdit::keyPressEvent(event);
    // Typing (or erasing) inside "{{" offers the names; moving the cursor doesn't.
    if (!event->text().isEmpty() || event->key() == Qt::Key_Backspace)
        showCompletions();
}

} // namespace AuthStudio
