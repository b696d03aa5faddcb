// CodeEditor: the plain-text editor for JavaScript steps: monospace, a line-number gutter, the current
// line highlighted, and one line that can be marked as the place a script error was reported
// ("ReferenceError: ... (line 3)"). Syntax colouring is separate (JavaScriptHighlighter on document()); the
// editor passes palette changes on to it. Enter keeps the line's indentation (one level deeper after an
// opening bracket) and a closing bracket typed on a blank line goes one level back, as code editors do;
// pasted text has its Unicode line and paragraph separators made line breaks, which JavaScript counts as
// lines and the editor didn't (an error's line then named another). Given the names a script can use, it
// completes a step's fields after "http1." and the names themselves on Ctrl+Space (NameCompleter), and flags
// where the code reads a step of the workflow that hasn't run by then (a later or disabled one), as
// expression fields flag an unknown name: red, underlined, named in the tooltip. It keeps no undo history of
// its own: its text is a workspace field, whose edits the document's undo stack keeps.
#pragma once

#include "script/JavaScriptSource.h"
#include "script/KnownNames.h"

#include <QPlainTextEdit>
#include <QTextCursor>

namespace AuthStudio {

class NameCompleter;

class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit CodeEditor(QWidget *parent = nullptr);

    int lineNumberAreaWidth() const;
    QWidget *lineNumberArea() const { return m_gutter; }

    // Marks a 1-based line (0 clears) with an error background and a gutter marker; the message shows as
    // the gutter's tooltip. The mark follows the line as text is edited above it.
    void setErrorLine(int line, const QString &message = {});
    void clearErrorLine() { setErrorLine(0); }
    int errorLine() const;
    QString errorMessage() const { return m_errorMessage; }

    // The line a script error names ("js1: TypeError: x is undefined (line 3)" -> 3), or 0.
    static int lineFromErrorMessage(const QString &message);

    // Until called, no name is flagged.
    void setKnownNames(const KnownNames &names);
    NameCompleter *nameCompleter() const { return m_completer; }
    // What the code reads that it can't (KnownNames::unavailableSteps): one "unknown name 'X'" a line, or
    // empty.
    QString diagnostic() const { return m_diagnostic; }
    // Opens completion for the name or field at the cursor; `asked`: Ctrl+Space, which offers names too.
    void showCompletions(bool asked = false);

Q_SIGNALS:
    void diagnosticChanged(const QString &diagnostic);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void insertFromMimeData(const QMimeData *source) override;
    bool viewportEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // Enter and a closing bracket as above; false when the key is left to the editor.
    bool indentsFor(QKeyEvent *event);
    void updateGutterWidth();
    void updateGutterGeometry();
    void updateGutter(const QRect &rect, int dy);
    void paintGutter(QPaintEvent *event);
    void updateExtraSelections();
    void findUnknownNames();

    // A plain widget painted through eventFilter(): the gutter needs no behaviour of its own.
    QWidget *m_gutter;
    QTextCursor m_errorCursor; // at the error line's block; null when there is none
    QString m_errorMessage;
    NameCompleter *m_completer;
    QStringList m_unavailableSteps;
    QStringList m_knownNames; // what the code may read here (KnownNames::all())
    bool m_namesKnown = false; // setKnownNames() was called
    QList<JavaScriptSource::Range> m_unknownRanges;
    QString m_diagnostic;
};

} // namespace AuthStudio
