#include "TabOrder.h"

#include <QList>
#include <QWidget>

namespace AuthStudio::TabOrder {

namespace {

bool isTabStop(const QWidget *widget)
{
    // A field's inner parts (a number box's text) hand their focus on to it, and aren't stops of their own.
    return (widget->focusPolicy() & Qt::TabFocus) && !widget->focusProxy();
}

// The Tab stops inside `part` in the window's Tab order, starting at `part`.
QList<QWidget *> stopsIn(QWidget *part)
{
    QList<QWidget *> stops;
    for (QWidget *widget = part->nextInFocusChain(); widget != part; widget = widget->nextInFocusChain()) {
        if (part->isAncestorOf(widget) && isTabStop(widget))
            stops.append(widget);
    }
    return stops;
}

} // namespace

void placeAfter(QWidget *anchor, QWidget *part)
{
    QWidget *previous = anchor;
    const QList<QWidget *> stops = stopsIn(part);
    for (QWidget *stop : stops) {
        QWidget::setTabOrder(previous, stop);
        previous = stop;
    }
}

QWidget *firstIn(QWidget *part)
{
    const QList<QWidget *> stops = stopsIn(part);
    for (QWidget *stop : stops) {
        if (stop->isVisible() && stop->isEnabled())
            return stop;
    }
    return nullptr;
}

QWidget *lastIn(QWidget *part)
{
    const QList<QWidget *> stops = stopsIn(part);
    return stops.isEmpty() ? nullptr : stops.last();
}

} // namespace AuthStudio::TabOrder
