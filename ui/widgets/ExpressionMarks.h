// ExpressionMarks: how one line of text marks its {{ expressions }}: a faint tint behind each, a wavy
// underline under a name a run wouldn't know, and a flag in the corner when something is wrong (it shows
// even when the name itself is scrolled or elided away). ExpressionLineEdit and the tables' value cells
// (ExpressionDelegate) draw them alike; text documents take unknownNameFormat().
#pragma once

#include <QRectF>
#include <QTextCharFormat>

class QPainter;
class QPalette;

namespace AuthStudio {

class ExpressionMarks
{
public:
    static void paintTint(QPainter *painter, const QRectF &expression, const QPalette &palette);
    // The same mark on a selected cell: an outline, as the tint, drawn over the text, faded the selection's
    // text to 2.6:1 against it (QA pass 44).
    static void paintSelectedTint(QPainter *painter, const QRectF &expression, const QPalette &palette);
    static void paintUnderline(QPainter *painter, qreal left, qreal right, qreal baseline);
    static void paintCornerFlag(QPainter *painter, const QRect &box);
    // How text documents (request bodies, scripts) mark such a name: red, with the wavy underline.
    static QTextCharFormat unknownNameFormat();
};

} // namespace AuthStudio
