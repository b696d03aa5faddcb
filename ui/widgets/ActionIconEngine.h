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
    };

    // The size the glyphs are designed on. Tool bars show them at this size beside their labels, rather
    // than at the style's 24 px, which would push buttons into the overflow menu in narrow docks.
    static constexpr QSize GlyphSize {16, 16};

    explicit ActionIconEngine(Glyph glyph);

    static QIcon icon(Glyph glyph);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QIconEngine *clone() const override;
    QString key() const override;

private:
    Glyph m_glyph;
};

} // namespace AuthStudio
