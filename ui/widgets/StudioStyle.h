// StudioStyle: the chosen widget style (the platform's, or -style) with these changes:
// - the icon of a highlighted menu item is drawn in its "selected" mode. Styles ask for the "active" mode
//   there, the mode a hovered tool button uses as well, so the studio's glyphs, drawn in the button-text
//   colour for tool buttons, came out dark on the menu's highlight;
// - a tool bar's overflow button and a dock's float and close buttons show the studio's glyphs;
// - on Fusion, a group box's frame is drawn (once, small, then stretched) rather than read from Fusion's
//   PNG, to the same pixels;
// - a palette's placeholder colour that can hardly be seen on its base is derived from the text colour,
//   and an inactive selection colour that is the active one is faded, so a view shows whether it has the
//   focus;
// - on Fusion, tool bars, tab and line edit frames, header sections and group boxes are drawn
//   in pieces, to the same pixels, so that Qt doesn't hand their long translucent lines and tall fills to
//   its thread pool (see drawInPieces).
// The second and third keep start-up from reading images: the first image read by file loads every image
// format plugin (GIF, ICO, JPEG and libjpeg) to ask each whether it reads PNG, about 3 ms.
#pragma once

#include "ActionIconEngine.h"

#include <QHash>
#include <QIcon>
#include <QPixmap>
#include <QProxyStyle>

namespace AuthStudio {

class StudioStyle : public QProxyStyle
{
    Q_OBJECT
public:
    // `baseKey` names the style to build on, as QStyleFactory knows it (QStyle::name()).
    explicit StudioStyle(const QString &baseKey);

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget = nullptr) const override;
    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
    using QProxyStyle::polish;
    void polish(QPalette &palette) override;

private:
    void drawHeaderSection(const QStyleOption *option, QPainter *painter, const QWidget *widget) const;
    QIcon glyphIcon(ActionIconEngine::Glyph glyph) const;
    // A group box's frame, small, for stretching over the box (see drawPrimitive).
    QPixmap groupBoxFrame(qreal ratio) const;

    // Made once: a dock's title bar asks for its icons on every layout.
    mutable QHash<int, QIcon> m_glyphIcons;
    mutable QPixmap m_groupBoxFrame;
    bool m_baseIsFusion = false;
};

} // namespace AuthStudio
