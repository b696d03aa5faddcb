// TemplateTextEdit: the multi-line editor for request bodies that may hold {{ expressions }}, the
// counterpart of ExpressionLineEdit: the expressions tinted and unknown root names marked
// (TemplateHighlighter), and step and variable names completed after "{{" (NameCompleter; Ctrl+Space
// asks for them). After a test run, the tooltip over an expression tells what it came to (LastRunValue).
// Like CodeEditor it keeps no undo history of its own: the document's undo stack has the body's edits.
#pragma once

#include "script/KnownNames.h"

#include <QPlainTextEdit>
#include <QStringList>

namespace AuthStudio {

class NameCompleter;
class TemplateHighlighter;

class TemplateTextEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit TemplateTextEdit(QWidget *parent = nullptr);

    // Six lines high: it grows into the room a page has, but asks for no more, so what sits under it (the
    // JSON check) stays in sight at 1280x800.
    QSize sizeHint() const override;

    // The names expressions may use; until this is called no name is flagged.
    void setKnownNames(const KnownNames &names);
    // Null until setKnownNames() was called.
    const QStringList *knownNames() const;
    const QHash<QString, QStringList> &knownFields() const;

    NameCompleter *nameCompleter() const { return m_completer; }
    TemplateHighlighter *highlighter() const { return m_highlighter; }
    // Opens completion when the cursor is right after "{{" or a partial name inside one.
    void showCompletions();
    // What the expression at `position` (in the document) came to in the last test run, or null.
    QString lastRunValueAt(int position) const;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    TemplateHighlighter *m_highlighter;
    NameCompleter *m_completer;
    Scope m_lastRun;
};

} // namespace AuthStudio
