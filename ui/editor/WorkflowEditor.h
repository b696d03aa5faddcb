// WorkflowEditor: edits one workflow of a resource (auth or refresh): the list of steps with an Add menu
// of the four step types, remove, duplicate, enable/disable and move up/down (also by drag and drop and
// Ctrl+Up/Down), and beside it the detail editor of the selected step's type. Each action is one
// undoable step; the editor is a thin view over StepListModel and the step editors.
#pragma once

#include "document/StepRef.h"
#include "model/Step.h"

#include <QWidget>

class QAction;
class QLabel;
class QListView;
class QStackedWidget;
class QToolButton;

namespace AuthStudio {

class StepEditor;
class StepListModel;
class WorkspaceDocument;
struct DocumentChange;

class WorkflowEditor : public QWidget
{
    Q_OBJECT
public:
    WorkflowEditor(WorkspaceDocument *document, WorkflowKind workflow, QWidget *parent = nullptr);

    void setResource(int resource);
    int resource() const;
    WorkflowKind workflow() const { return m_workflow; }

    StepListModel *stepModel() const { return m_model; }
    QListView *stepView() const { return m_view; }
    int currentStep() const;
    void setCurrentStep(int row);
    StepEditor *stepEditor(StepType type) const;
    // The detail editor showing the current step, or null.
    StepEditor *currentStepEditor() const;
    QAction *addStepAction(StepType type) const;

    // Adds a step of this type at the end (named form1, http2, ...) and selects it; returns its row.
    int addStep(StepType type);
    void removeCurrentStep();
    void duplicateCurrentStep();
    void moveCurrentStep(int delta);
    void toggleCurrentStepEnabled();
    // Selects the step and puts the focus on the field a failed run named.
    void focusStepField(int step, const QString &field);

Q_SIGNALS:
    void currentStepChanged(int step);

private:
    void onDocumentChanged(const DocumentChange &change);
    void updateDetail();
    void updateActions();
    void updateKnownNames();

    WorkspaceDocument *m_document;
    WorkflowKind m_workflow;
    StepListModel *m_model;
    QListView *m_view;
    QToolButton *m_addButton;
    QStackedWidget *m_details;
    QLabel *m_emptyPage;
    mutable QList<StepEditor *> m_editors; // in StepType order; each built on first use
    QList<QAction *> m_addActions; // in StepType order
    QAction *m_removeAction;
    QAction *m_duplicateAction;
    QAction *m_moveUpAction;
    QAction *m_moveDownAction;
    QAction *m_toggleEnabledAction;
};

} // namespace AuthStudio
