#include "StudioAction.h"

#include <QAction>

namespace AuthStudio::StudioAction {

QAction *create(QObject *owner, const QString &objectName, const QString &text, const QString &toolTip,
                const QKeySequence &shortcut, const QIcon &icon)
{
    auto *action = new QAction(text, owner);
    action->setObjectName(objectName);
    action->setStatusTip(toolTip);
    // The tool bar's tooltip names the key too ("Save the workspace (Ctrl+S)"), unless it already does.
    const QString keys = shortcut.toString(QKeySequence::NativeText);
    action->setToolTip(
        keys.isEmpty() || toolTip.contains(keys) ? toolTip : QStringLiteral("%1 (%2)").arg(toolTip, keys));
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    action->setIcon(icon);
    return action;
}

} // namespace AuthStudio::StudioAction
