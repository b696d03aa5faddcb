#include "StudioAction.h"

#include <QAction>

namespace AuthStudio::StudioAction {

QAction *create(QObject *owner, const QString &objectName, const QString &text, const QString &toolTip,
                const QKeySequence &shortcut, const QIcon &icon)
{
    auto *action = new QAction(text, owner);
    action->setObjectName(objectName);
    action->setToolTip(toolTip);
    action->setStatusTip(toolTip);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    action->setIcon(icon);
    return action;
}

} // namespace AuthStudio::StudioAction
