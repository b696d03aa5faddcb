#include "StepMenu.h"

#include "ResourceEditor.h"

#include <QAction>

namespace AuthStudio {

StepMenu::StepMenu(ResourceEditor *editor, QWidget *parent)
    : QMenu(tr("&Step"), parent)
    , m_editor(editor)
{
    setObjectName(QStringLiteral("menuStep"));
    for (WorkflowEditor::Command command : WorkflowEditor::Commands) {
        QAction *item = WorkflowEditor::createCommandAction(command, this);
        // "removeStep" is the workflow editor's own; the window's actions are "action...".
        QString name = item->objectName();
        name[0] = name.at(0).toUpper();
        item->setObjectName(QStringLiteral("action") + name);
        // Never fires from the keyboard: the shown workflow editor's own action takes the keys.
        item->setShortcutContext(Qt::WidgetShortcut);
        connect(item, &QAction::triggered, this, [this, command] {
            if (m_shown)
                m_shown->commandAction(command)->trigger();
            mirror(); // a checkable item checked itself; the step says whether it is enabled
        });
        addAction(item);
        m_items.append(item);
    }
    connect(editor, &ResourceEditor::shownTabChanged, this, &StepMenu::follow);
    connect(editor, &ResourceEditor::resourceChanged, this, &StepMenu::follow);
    connect(this, &QMenu::aboutToShow, this, &StepMenu::follow); // a tab turned off by Authentication
    follow();
}

QAction *StepMenu::commandItem(WorkflowEditor::Command command) const
{
    return m_items.at(int(command));
}

void StepMenu::follow()
{
    WorkflowEditor *shown = m_editor->shownWorkflowEditor();
    if (shown != m_shown) {
        if (m_shown) {
            for (WorkflowEditor::Command command : WorkflowEditor::Commands)
                disconnect(m_shown->commandAction(command), nullptr, this, nullptr);
        }
        m_shown = shown;
        if (m_shown) {
            for (WorkflowEditor::Command command : WorkflowEditor::Commands)
                connect(m_shown->commandAction(command), &QAction::changed, this, &StepMenu::mirror);
        }
    }
    mirror();
}

void StepMenu::mirror()
{
    for (WorkflowEditor::Command command : WorkflowEditor::Commands) {
        QAction *item = commandItem(command);
        const QAction *own = m_shown ? m_shown->commandAction(command) : nullptr;
        item->setEnabled(own && own->isEnabled());
        item->setChecked(own && own->isChecked());
    }
}

} // namespace AuthStudio
