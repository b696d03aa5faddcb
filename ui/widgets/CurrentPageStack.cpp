#include "CurrentPageStack.h"

#include <QLayout>

namespace AuthStudio {

CurrentPageStack::CurrentPageStack(QWidget *parent)
    : QStackedWidget(parent)
{
    // Another page asks for other room: the layout (or scroll area) holding the stack asks again.
    connect(this, &QStackedWidget::currentChanged, this, &QWidget::updateGeometry);
}

QLayoutItem *CurrentPageStack::currentItem() const
{
    const int index = currentIndex();
    return index >= 0 && layout() ? layout()->itemAt(index) : nullptr;
}

QSize CurrentPageStack::frameSize() const
{
    return {2 * frameWidth(), 2 * frameWidth()};
}

QSize CurrentPageStack::sizeHint() const
{
    const QLayoutItem *item = currentItem();
    return item ? item->sizeHint() + frameSize() : QStackedWidget::sizeHint();
}

QSize CurrentPageStack::minimumSizeHint() const
{
    const QLayoutItem *item = currentItem();
    return item ? item->minimumSize() + frameSize() : QStackedWidget::minimumSizeHint();
}

bool CurrentPageStack::hasHeightForWidth() const
{
    const QLayoutItem *item = currentItem();
    return item && item->hasHeightForWidth();
}

int CurrentPageStack::heightForWidth(int width) const
{
    // A scroll area asks this whenever the stack's layout has a page whose height depends on its width,
    // current or not; the answer is then the room the current page needs at least.
    const QLayoutItem *item = currentItem();
    if (!item)
        return QStackedWidget::heightForWidth(width);
    const int least = minimumSizeHint().height();
    if (!item->hasHeightForWidth())
        return least;
    return qMax(least, item->heightForWidth(width - frameSize().width()) + frameSize().height());
}

} // namespace AuthStudio
