// JavaScriptStepEditor: edits a JavaScript step: its name and its code (a function body that sees earlier
// steps as globals and whose return value becomes this step's result). Code that doesn't compile is
// marked at its line and said under it once typing pauses, before any run.
#pragma once

#include "StepEditor.h"

class QLabel;
class QTimer;

namespace AuthStudio {

class CodeEditor;
class ScriptEngine;

class JavaScriptStepEditor : public StepEditor
{
    Q_OBJECT
public:
    explicit JavaScriptStepEditor(WorkspaceDocument *document, QWidget *parent = nullptr);

    CodeEditor *codeEdit() const { return m_code; }
    void focusField(const QString &field) override;
    // Marks the line a script error named (from a failed run); 0 clears.
    void setErrorLine(int line, const QString &message);
    // How long typing pauses before the code is compiled to check it.
    static constexpr int SyntaxCheckPauseMs = 500;
    // The engine that compiles scripts for checks on the window's thread (here, and Test's pre-check):
    // made on first use, which loads the JavaScript plugin.
    static ScriptEngine *syntaxChecker();
    // Why the code shown doesn't compile, as the last check found; empty when it does.
    QString syntaxError() const { return m_syntaxError; }

Q_SIGNALS:
    void syntaxChecked(); // after each check, for tests

protected:
    void refresh(const Step &step) override;
    void applyKnownNames(const KnownNames &names) override;
    void otherStepBound() override;

private:
    void onCodeChanged(const QString &code);
    void showCodeProblem();
    void checkSyntax();

    CodeEditor *m_code;
    QLabel *m_codeProblem;
    QTimer *m_syntaxCheck;
    QString m_nameDiagnostic; // the code editor's: names the code can't use here
    QString m_syntaxError;
    bool m_syntaxMarked = false; // the error line shown is the syntax check's, not a run's
};

} // namespace AuthStudio
