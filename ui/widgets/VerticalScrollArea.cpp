#include "VerticalScrollArea.h"

#include <QApplication>

namespace AuthStudio {

VerticalScrollArea::VerticalScrollArea(QWidget *page, QWidget *parent)
    : QScrollArea(parent)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWidget(page);
    // A field that takes the focus below the fold (a new table row's editor, a field reached with Tab or
    // a shortcut) is scrolled into view, so the user sees what they type into.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (now && widget() && widget()->isAncestorOf(now))
            ensureWidgetVisible(now);
    });
}

} // namespace AuthStudio
