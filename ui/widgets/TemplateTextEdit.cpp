#include "TemplateTextEdit.h"

#include "LastRunValue.h"
#include "LongWordWrapper.h"
#include "NameCompleter.h"
#include "TemplateHighlighter.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QTextBlock>
#include <QToolTip>

namespace AuthStudio {

TemplateTextEdit::TemplateTextEdit(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new TemplateHighlighter(this))
    , m_completer(new NameCompleter(this))
{
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &name) { m_completer->insertIn(this, name); });
    // The body is a field of the workspace: the document's undo stack keeps its edits, as for the code
    // editor (see CodeEditor).
    setUndoRedoEnabled(false);
    new LongWordWrapper(this); // a body holding a Base64 blob or a long token (owned by this edit)
}

QSize TemplateTextEdit::sizeHint() const
{
    constexpr int Lines = 6;
    const QMargins margins = contentsMargins();
    const int height = Lines * fontMetrics().lineSpacing() + int(2 * document()->documentMargin()) +
        margins.top() + margins.bottom();
    return {QPlainTextEdit::sizeHint().width(), height};
}

void TemplateTextEdit::setKnownNames(const KnownNames &names)
{
    m_highlighter->setKnownNames(names.all(), names.members);
    m_completer->setNames(names);
    m_lastRun = names.lastRun;
}

const QStringList *TemplateTextEdit::knownNames() const
{
    return m_highlighter->knownNames();
}

const QHash<QString, QStringList> &TemplateTextEdit::knownFields() const
{
    return m_highlighter->knownFields();
}

void TemplateTextEdit::showCompletions()
{
    m_completer->popUpIn(this);
}

QString TemplateTextEdit::lastRunValueAt(int position) const
{
    const QTextBlock block = document()->findBlock(position);
    const QString line = block.text();
    const int column = position - block.position();
    // The expression around the column, on its line.
    const qsizetype open = line.lastIndexOf(QStringLiteral("{{"), column);
    const qsizetype close = open < 0 ? -1 : line.indexOf(QStringLiteral("}}"), open + 2);
    const QStringList *known = knownNames();
    if (open < 0 || close < 0 || column > close + 1 || !known)
        return {};
    return LastRunValue::of(line.mid(open, close + 2 - open), m_lastRun, *known);
}

bool TemplateTextEdit::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString value = lastRunValueAt(cursorForPosition(help->pos()).position());
        if (!value.isNull()) {
            QToolTip::showText(help->globalPos(), LastRunValue::describe(value), viewport());
            return true;
        }
    }
    return QPlainTextEdit::viewportEvent(event);
}

void TemplateTextEdit::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->takesKey(event, [this] { showCompletions(); }))
        return;
    QPlainTextEdit::keyPressEvent(event);
    // Typing (or erasing) inside "{{" offers the names; moving the cursor doesn't.
    if (NameCompleter::typedText(event))
        showCompletions();
}

} // namespace AuthStudio
