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

void TemplateTextEdit::setKnownNames(const KnownNames &names)
{
    m_highlighter->setKnownNames(names.all());
    m_completer->setNames(names);
}

const QStringList *TemplateTextEdit::knownNames() const
{
    return m_highlighter->knownNames();
}

void TemplateTextEdit::showCompletions()
{
    const QTextCursor cursor = textCursor();
    // The cursor's rectangle is in the viewport; the completer places its popup against this widget.
    m_completer->popUpAt(cursor.block().text().left(cursor.positionInBlock()),
                         cursorRect().translated(viewport()->pos()));
}

void TemplateTextEdit::insertCompletion(const QString &name)
{
    QTextCursor cursor = textCursor();
    const QString line = cursor.block().text();
    const auto insertion =
        m_completer->insertion(line.left(cursor.positionInBlock()), line.mid(cursor.positionInBlock()), name);
    if (!insertion)
        return;
    cursor.beginEditBlock(); // one undo step
    cursor.setPosition(cursor.block().position() + insertion->start, QTextCursor::KeepAnchor);
    cursor.insertText(insertion->text);
    cursor.movePosition(QTextCursor::Left, QTextCursor::MoveAnchor, insertion->cursorBack);
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
