// WorkflowEditor: edits one workflow of a resource (auth or refresh): the list of steps with an Add menu
// of the four step types, remove, duplicate, enable/disable and move up/down (also by drag and drop and
// Ctrl+Up/Down), and beside it the detail editor of the selected step's type. Each action is one
// undoable step; the editor is a thin view over StepListModel and the step editors. The step commands
// have keys and are in the step list's context menu (the window's Step menu lists them too, StepMenu):
// Insert opens the Add menu, as Delete removes. Tab goes from the list through the selected step's fields
// to Add step.
#pragma once

#include "document/StepRef.h"
#include "model/Step.h"

#include "widgets/HintListView.h"

#include <QWidget>

class QAction;
class QLabel;
class QListView;
class QMenu;
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

    // The commands on the selected step (and Add Step, which opens the menu of step types), in menu order.
    enum class Command { AddStep, RemoveStep, DuplicateStep, MoveStepUp, MoveStepDown, ToggleStepEnabled };
    static constexpr Command Commands[] = {Command::AddStep,       Command::RemoveStep,
                                           Command::DuplicateStep, Command::MoveStepUp,
                                           Command::MoveStepDown,  Command::ToggleStepEnabled};
    QAction *commandAction(Command command) const;
    // A new action for the command as the editor makes its own: text, tooltip, keys and icon, but no
    // behaviour; the Step menu makes its copies with it.
    static QAction *createCommandAction(Command command, QObject *owner);
    // Opens the menu of step types under Add step, its first type ready for Enter.
    void showAddMenu();

    // Adds a step of this type at the end (named form1, http2, ...), selects it and puts the focus on its
    // name, ready to be typed over; returns its row.
    int addStep(StepType type);
    void removeCurrentStep();
    void duplicateCurrentStep();
    void moveCurrentStep(int delta);
    void toggleCurrentStepEnabled();
    // Selects the step and puts the focus on the field a failed run named.
    void focusStepField(int step, const QString &field);
    // Selects the step and puts the focus on the step list.
    void focusStepInList(int step);

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
    HintListView *m_view;
    QToolButton *m_addButton;
    QMenu *m_addMenu;
    QStackedWidget *m_details;
    QLabel *m_emptyPage;
    mutable QList<StepEditor *> m_editors; // in StepType order; each built on first use
    QList<QAction *> m_addActions; // in StepType order
    QAction *m_addStepAction;
    QAction *m_removeAction;
    QAction *m_duplicateAction;
    QAction *m_moveUpAction;
    QAction *m_moveDownAction;
    QAction *m_toggleEnabledAction;
};

} // namespace AuthStudio
