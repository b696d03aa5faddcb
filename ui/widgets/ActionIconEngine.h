// ActionIconEngine: the studio's icons for its actions (New, Open, Save, Undo, Test, Add, ...), drawn as
// line glyphs in the palette's button-text colour, so they stay sharp at any scale and readable in dark
// palettes. The studio draws its own instead of asking the desktop's icon theme: Adwaita 43, the default
// on Debian, has none of these names (buttons showed no icon), and Qt 6.4 parses the theme's whole index
// on the first lookup, several milliseconds of start-up on X11.
#pragma once

#include <QIconEngine>
#include <QSize>

namespace AuthStudio {

class ActionIconEngine : public QIconEngine
{
public:
    enum class Glyph {
        New,
        Open,
        Save,
        SaveAs,
        Quit,
        Undo,
        Redo,
        Add,
        Remove,
        Duplicate,
        Delete,
        Run,
        MoveUp,
        MoveDown,
        // For the style's own buttons (see StudioStyle): a tool bar's overflow menu, a dock's float and
        // close buttons.
        MoreRight,
        MoreDown,
        Float,
        Close,
    };

    // The size the glyphs are designed on. Tool bars show them at this size beside their labels, rather
    // than at the style's 24 px, which would push buttons into the overflow menu in narrow docks.
    static constexpr QSize GlyphSize {16, 16};

    // Float and Close are drawn within the middle of the grid, and say they are this big, for the small
    // buttons of dock title bars: those size themselves to the icon, 13 px high with Fusion's own images.
    static constexpr QSize SmallGlyphSize {13, 13};

    explicit ActionIconEngine(Glyph glyph);

    static QIcon icon(Glyph glyph);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QIconEngine *clone() const override;
    QString key() const override;

private:
    Glyph m_glyph;
};

} // namespace AuthStudio
