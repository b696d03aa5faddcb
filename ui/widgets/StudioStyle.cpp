#include "StudioStyle.h"

#include <QPainter>
#include <QStyleOptionMenuItem>

namespace AuthStudio {

StudioStyle::StudioStyle(const QString &baseKey)
    : QProxyStyle(baseKey)
{ }

void StudioStyle::drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                              const QWidget *widget) const
{
    const auto *item = qstyleoption_cast<const QStyleOptionMenuItem *>(option);
    const bool highlighted = item && element == CE_MenuItem && (item->state & State_Selected) &&
        (item->state & State_Enabled) && !item->icon.isNull();
    if (!highlighted) {
        QProxyStyle::drawControl(element, option, painter, widget);
        return;
    }
    // The selected-mode pixmaps stand in for every mode, whichever one the base style asks for.
    const int extent = proxy()->pixelMetric(PM_SmallIconSize, option, widget);
    const qreal ratio = painter->device()->devicePixelRatioF();
    QIcon selected;
    for (const QIcon::State state : {QIcon::Off, QIcon::On}) {
        const QPixmap pixmap = item->icon.pixmap(QSize(extent, extent), ratio, QIcon::Selected, state);
        for (const QIcon::Mode mode : {QIcon::Normal, QIcon::Active, QIcon::Selected})
            selected.addPixmap(pixmap, mode, state);
    }
    QStyleOptionMenuItem copy(*item);
    copy.icon = selected;
    QProxyStyle::drawControl(element, &copy, painter, widget);
}

} // namespace AuthStudio
