#include "StudioStyle.h"

#include <QGroupBox>
#include <QPainter>
#include <QStyleOptionMenuItem>
#include <qdrawutil.h>

namespace AuthStudio {

namespace {

// How far apart in lightness (0 to 1) a placeholder must be from the base it is drawn on to be read.
// Qt's own on white is 0.5 apart.
constexpr qreal MinPlaceholderContrast = 0.25;

} // namespace

StudioStyle::StudioStyle(const QString &baseKey)
    : QProxyStyle(baseKey)
    , m_baseIsFusion(baseStyle()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) == 0)
{ }

void StudioStyle::polish(QPalette &palette)
{
    QProxyStyle::polish(palette);
    // A theme whose palette has no placeholder colour (KDE's, read from kdeglobals) leaves Qt 6.4's
    // default, black at half opacity: on a dark base, hints such as "Filter resources" and the demo's
    // dimmed file values all but vanished. Such a placeholder is derived from the text colour instead, as
    // later Qt versions do.
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const QColor base = palette.color(group, QPalette::Base);
        const QColor placeholder = palette.color(group, QPalette::PlaceholderText);
        const qreal alpha = placeholder.alphaF();
        const QColor shown = QColor::fromRgbF(placeholder.redF() * alpha + base.redF() * (1 - alpha),
                                              placeholder.greenF() * alpha + base.greenF() * (1 - alpha),
                                              placeholder.blueF() * alpha + base.blueF() * (1 - alpha));
        if (qAbs(shown.lightnessF() - base.lightnessF()) >= MinPlaceholderContrast)
            continue;
        QColor derived = palette.color(group, QPalette::Text);
        derived.setAlphaF(0.5);
        palette.setColor(group, QPalette::PlaceholderText, derived);
    }
}

void StudioStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                                const QWidget *widget) const
{
    if (element != PE_FrameGroupBox || !m_baseIsFusion) {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        return;
    }
    // Where Fusion puts the frame: below the title, if any (Qt 6.4's QFusionStyle::drawPrimitive).
    constexpr int FusionGroupBoxTopMargin = 3;
    const auto *box = qobject_cast<const QGroupBox *>(widget);
    const int topMargin = (box && !box->isCheckable() && box->title().isEmpty())
        ? FusionGroupBoxTopMargin
        : qMax(proxy()->pixelMetric(PM_ExclusiveIndicatorHeight), option->fontMetrics.height()) +
            FusionGroupBoxTopMargin;
    // What fusion_groupbox.png holds, stretched over that: a clear first row and column, then a 20% grey
    // outline with rounded corners around a faint shade, a little deeper along its inner edge. Drawn once,
    // small, and stretched as Fusion stretches its image: an antialiased rounded rectangle filled over a
    // whole page cost about 2 ms of the first frame.
    qDrawBorderPixmap(painter, option->rect.adjusted(0, topMargin, 0, 0), QMargins(6, 6, 6, 6),
                      groupBoxFrame(painter->device()->devicePixelRatioF()));
}

QPixmap StudioStyle::groupBoxFrame(qreal ratio) const
{
    if (!m_groupBoxFrame.isNull() && qFuzzyCompare(m_groupBoxFrame.devicePixelRatio(), ratio))
        return m_groupBoxFrame;
    constexpr int Extent = 13; // 6 pixels of corner on each side of a 1-pixel middle that stretches
    QPixmap pixmap(QSize(Extent, Extent) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    const QRectF outline = QRectF(0, 0, Extent, Extent).adjusted(1.5, 1.5, -0.5, -0.5);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QColor(0x75, 0x75, 0x75, 0x32));
    painter.setBrush(QColor(0, 0, 0, 3));
    painter.drawRoundedRect(outline, 1.0, 1.0);
    painter.setPen(QColor(0, 0, 0, 4));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(outline.adjusted(1, 1, -1, -1), 1.0, 1.0);
    painter.end();
    m_groupBoxFrame = pixmap;
    return m_groupBoxFrame;
}

QIcon StudioStyle::glyphIcon(ActionIconEngine::Glyph glyph) const
{
    QIcon &icon = m_glyphIcons[int(glyph)];
    if (icon.isNull())
        icon = ActionIconEngine::icon(glyph);
    return icon;
}

void StudioStyle::drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                              const QWidget *widget) const
{
    const auto *item = qstyleoption_cast<const QStyleOptionMenuItem *>(option);
    const bool highlighted = item && element == CE_MenuItem && (item->state & State_Selected) &&
        (item->state & State_Enabled) && !item->icon.isNull();
    if (!highlighted) {
        QProxyStyle::drawControl(element, option, painter, widget);
        return;
    }
    // The selected-mode pixmaps stand in for every mode, whichever one the base style asks for.
    const int extent = proxy()->pixelMetric(PM_SmallIconSize, option, widget);
    const qreal ratio = painter->device()->devicePixelRatioF();
    QIcon selected;
    for (const QIcon::State state : {QIcon::Off, QIcon::On}) {
        const QPixmap pixmap = item->icon.pixmap(QSize(extent, extent), ratio, QIcon::Selected, state);
        for (const QIcon::Mode mode : {QIcon::Normal, QIcon::Active, QIcon::Selected})
            selected.addPixmap(pixmap, mode, state);
    }
    QStyleOptionMenuItem copy(*item);
    copy.icon = selected;
    QProxyStyle::drawControl(element, &copy, painter, widget);
}

QIcon StudioStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option,
                                const QWidget *widget) const
{
    // Qt's own icons for these are PNG files: reading the first one loads every image format plugin to
    // ask whether it reads PNG, about 3 ms of start-up, and dock title bars ask for theirs dozens of
    // times while laying out. The studio's glyphs are drawn, sharp at any scale, in the palette's colours.
    using Glyph = ActionIconEngine::Glyph;
    switch (standardIcon) {
    case SP_ToolBarHorizontalExtensionButton:
        return glyphIcon(Glyph::MoreRight);
    case SP_ToolBarVerticalExtensionButton:
        return glyphIcon(Glyph::MoreDown);
    case SP_TitleBarNormalButton:
        return glyphIcon(Glyph::Float);
    case SP_TitleBarCloseButton:
    case SP_DockWidgetCloseButton:
        return glyphIcon(Glyph::Close);
    default:
        return QProxyStyle::standardIcon(standardIcon, option, widget);
    }
}

} // namespace AuthStudio
