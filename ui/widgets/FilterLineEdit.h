// FilterLineEdit: the search box above a list or tree. It gets its clear button with its first text, not
// when it is built: Qt loads that button's icon through the icon theme, and parsing the theme's index
// costs several milliseconds of start-up on X11, for a button an empty filter never shows.
#pragma once

#include <QLineEdit>

namespace AuthStudio {

class FilterLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit FilterLineEdit(QWidget *parent = nullptr);
};

} // namespace AuthStudio
