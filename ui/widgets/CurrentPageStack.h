// CurrentPageStack: a QStackedWidget sized for the page it shows rather than for its largest page.
// QStackedWidget asks for the room of every page it holds, shown or not: in a scroll area (the step
// editors), once the JavaScript editor had been shown, a short page such as Define variable kept its
// height, and a scroll bar over empty space.
#pragma once

#include <QStackedWidget>

class QLayoutItem;

namespace AuthStudio {

class CurrentPageStack : public QStackedWidget
{
    Q_OBJECT
public:
    explicit CurrentPageStack(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;

private:
    // The current page as its layout holds it: the item knows the page's size policy and its minimum
    // size as layouts read them. Null without pages.
    QLayoutItem *currentItem() const;
    QSize frameSize() const;
};

} // namespace AuthStudio
