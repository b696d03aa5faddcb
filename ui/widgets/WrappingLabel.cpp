#include "WrappingLabel.h"

#include <QResizeEvent>

namespace AuthStudio {

WrappingLabel::WrappingLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
}

QSize WrappingLabel::minimumSizeHint() const
{
    QSize size = QLabel::minimumSizeHint();
    if (!text().isEmpty() && width() > 0)
        size.setHeight(qMax(size.height(), heightForWidth(width())));
    return size;
}

void WrappingLabel::keepNarrow(QLabel *label)
{
    QSizePolicy policy = label->sizePolicy();
    policy.setHorizontalPolicy(QSizePolicy::Ignored);
    label->setSizePolicy(policy);
}

void WrappingLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    // Narrower, the text takes more lines: the layout asks again. The height doesn't change the width,
    // so this settles after one round.
    if (event->size().width() != event->oldSize().width())
        updateGeometry();
}

} // namespace AuthStudio
