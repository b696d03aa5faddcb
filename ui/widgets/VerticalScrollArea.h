// VerticalScrollArea: a frameless scroll area that scrolls its page up and down only, the page as wide as
// the area. Forms and editor pages use it so they fit a 1280x800 screen instead of forcing the window
// taller. Across, it asks its layout for the page's minimum width, so nothing on the page is cut off at
// the right edge. A field inside that takes the focus is scrolled into view.
#pragma once

#include <QScrollArea>

namespace AuthStudio {

class VerticalScrollArea : public QScrollArea
{
    Q_OBJECT
public:
    // Takes ownership of `page`.
    explicit VerticalScrollArea(QWidget *page, QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace AuthStudio
