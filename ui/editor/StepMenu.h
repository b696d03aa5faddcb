// StepMenu: the window's Step menu: the step commands (Add Step, Remove, Duplicate, Move Up and Down,
// Enabled) of the workflow tab the resource editor shows, so they can be found in the menu bar and in
// Help > Keyboard Shortcuts. Its items stand in for the shown WorkflowEditor's own actions, whose state they
// mirror; on other tabs they are off. They show the keys but leave them to the workflow editor's actions,
// which take them where they apply (Delete in the step list, not in a text field).
#pragma once

#include "WorkflowEditor.h"

#include <QList>
#include <QMenu>
#include <QPointer>

namespace AuthStudio {

class ResourceEditor;

class StepMenu : public QMenu
{
    Q_OBJECT
public:
    explicit StepMenu(ResourceEditor *editor, QWidget *parent = nullptr);

    // The item standing in for the command.
    QAction *commandItem(WorkflowEditor::Command command) const;

private:
    void follow(); // the workflow editor shown now
    void mirror();

    ResourceEditor *m_editor;
    QPointer<WorkflowEditor> m_shown;
    QList<QAction *> m_items; // in WorkflowEditor::Commands order
};

} // namespace AuthStudio
