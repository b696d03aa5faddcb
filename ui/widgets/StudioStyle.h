// StudioStyle: the chosen widget style (the platform's, or -style) with one change: the icon of a
// highlighted menu item is drawn in its "selected" mode. Styles ask for the "active" mode there, the mode a
// hovered tool button uses as well, so the studio's glyphs, drawn in the button-text colour for tool
// buttons, came out dark on the menu's highlight.
#pragma once

#include <QProxyStyle>

namespace AuthStudio {

class StudioStyle : public QProxyStyle
{
    Q_OBJECT
public:
    // `baseKey` names the style to build on, as QStyleFactory knows it (QStyle::name()).
    explicit StudioStyle(const QString &baseKey);

    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget = nullptr) const override;
};

} // namespace AuthStudio
