// DefineVariableStepEditor: edits a Define variable step: the variable's name (the step name), its value
// expression and whether it is secret. Secret values can't be literals (they would end up in the file),
// which the editor says as the user types.
#pragma once

#include "StepEditor.h"

class QCheckBox;
class QLabel;

namespace AuthStudio {

class ExpressionLineEdit;

class DefineVariableStepEditor : public StepEditor
{
    Q_OBJECT
public:
    explicit DefineVariableStepEditor(WorkspaceDocument *document, QWidget *parent = nullptr);

    ExpressionLineEdit *valueEdit() const { return m_value; }
    QCheckBox *secretCheck() const { return m_secret; }
    void focusField(const QString &field) override;

protected:
    void refresh(const Step &step) override;
    void applyKnownNames(const KnownNames &names) override;

private:
    void updateHint(const DefineVariableStep &step);

    ExpressionLineEdit *m_value;
    QCheckBox *m_secret;
    QLabel *m_hint;
};

} // namespace AuthStudio
