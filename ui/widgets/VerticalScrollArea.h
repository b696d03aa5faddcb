// VerticalScrollArea: a frameless scroll area that scrolls its page up and down only, the page as wide as
// the area. Forms and editor pages use it so they fit a 1280x800 screen instead of forcing the window
// taller. A field inside that takes the focus is scrolled into view.
#pragma once

#include <QScrollArea>

namespace AuthStudio {

class VerticalScrollArea : public QScrollArea
{
    Q_OBJECT
public:
    // Takes ownership of `page`.
    explicit VerticalScrollArea(QWidget *page, QWidget *parent = nullptr);
};

} // namespace AuthStudio
