// JavaScriptStepEditor: edits a JavaScript step: its name and its code (a function body that sees earlier
// steps as globals and whose return value becomes this step's result).
#pragma once

#include "StepEditor.h"

class QLabel;

namespace AuthStudio {

class CodeEditor;

class JavaScriptStepEditor : public StepEditor
{
    Q_OBJECT
public:
    explicit JavaScriptStepEditor(WorkspaceDocument *document, QWidget *parent = nullptr);

    CodeEditor *codeEdit() const { return m_code; }
    void focusField(const QString &field) override;
    // Marks the line a script error named (from a failed run); 0 clears.
    void setErrorLine(int line, const QString &message);

protected:
    void refresh(const Step &step) override;
    void applyKnownNames(const KnownNames &names) override;
    void otherStepBound() override;

private:
    void onCodeChanged(const QString &code);
    void showCodeProblem(const QString &diagnostic);

    CodeEditor *m_code;
    QLabel *m_codeProblem;
};

} // namespace AuthStudio
