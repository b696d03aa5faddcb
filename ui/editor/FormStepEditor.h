// FormStepEditor: edits a Form (modal) step: its name and its fields (key, label, type, required).
#pragma once

#include "StepEditor.h"

class QLabel;
class QTableView;
class QToolButton;

namespace AuthStudio {

class FormFieldTableModel;

class FormStepEditor : public StepEditor
{
    Q_OBJECT
public:
    explicit FormStepEditor(WorkspaceDocument *document, QWidget *parent = nullptr);

    FormFieldTableModel *fieldModel() const { return m_model; }
    QTableView *fieldView() const { return m_view; }
    void focusField(const QString &field) override;

protected:
    void refresh(const Step &step) override;
    void applyKnownNames(const KnownNames &) override { }

private:
    void addField();
    void removeField();

    FormFieldTableModel *m_model;
    QTableView *m_view;
    QToolButton *m_addButton;
    QToolButton *m_removeButton;
    QLabel *m_hint;
    QLabel *m_keyProblem; // the first field whose key can't be used, and why
};

} // namespace AuthStudio
