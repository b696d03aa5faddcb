#include "VerticalScrollArea.h"

namespace AuthStudio {

VerticalScrollArea::VerticalScrollArea(QWidget *page, QWidget *parent)
    : QScrollArea(parent)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWidget(page);
}

} // namespace AuthStudio
