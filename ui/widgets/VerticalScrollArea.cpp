#include "VerticalScrollArea.h"

#include <QApplication>
#include <QEvent>
#include <QScrollBar>

namespace AuthStudio {

VerticalScrollArea::VerticalScrollArea(QWidget *page, QWidget *parent)
    : QScrollArea(parent)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWidget(page);
    // Not a Tab stop of its own: the fields in it take the focus, and scroll into view as they do. As one,
    // it took the focus when a page was switched to with Ctrl+Tab (the Session tab), with nothing to show.
    setFocusPolicy(Qt::NoFocus);
    // The page's minimum width changes with what it shows (a step editor built on first use, say).
    page->installEventFilter(this);
    // A field that takes the focus below the fold (a new table row's editor, a field reached with Tab or
    // a shortcut) is scrolled into view, so the user sees what they type into.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (now && widget() && widget()->isAncestorOf(now))
            ensureWidgetVisible(now);
    });
}

QSize VerticalScrollArea::minimumSizeHint() const
{
    QSize size = QScrollArea::minimumSizeHint();
    if (const QWidget *page = widget()) {
        // Room for the scroll bar too, so the page fits when it does scroll.
        const int pageWidth = page->minimumSizeHint().expandedTo(page->minimumSize()).width();
        size.setWidth(
            qMax(size.width(), pageWidth + 2 * frameWidth() + verticalScrollBar()->sizeHint().width()));
    }
    return size;
}

bool VerticalScrollArea::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == widget() && event->type() == QEvent::LayoutRequest)
        updateGeometry(); // the layout holding the area asks for the new minimum
    return QScrollArea::eventFilter(watched, event);
}

} // namespace AuthStudio
