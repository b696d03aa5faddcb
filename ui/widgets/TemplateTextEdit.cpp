#include "TemplateTextEdit.h"

#include "NameCompleter.h"
#include "TemplateHighlighter.h"

#include <QKeyEvent>

namespace AuthStudio {

TemplateTextEdit::TemplateTextEdit(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new TemplateHighlighter(this))
    , m_completer(new NameCompleter(this))
{
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &name) { m_completer->insertIn(this, name); });
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
    m_completer->popUpIn(this);
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
