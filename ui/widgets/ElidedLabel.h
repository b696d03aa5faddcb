// ElidedLabel: a label one line high (or a set number of lines, word-wrapped) that shows as much of its
// text as fits, ending it with "…" when it is cut. text() stays the whole text (screen readers read it; the
// context menu copies it). However long a message gets, the label's height doesn't change, so the widgets
// below it never move when one comes: a word-wrapped status label pushed the preview's query row down by a
// line or three.
#pragma once

#include <QLabel>

namespace AuthStudio {

class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    // Whether the text doesn't fit and is shown cut.
    bool isElided() const;

    // The lines the label is high, whatever its text: 1 unless set.
    void setLineCount(int lines);
    int lineCount() const { return m_lineCount; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString oneLine() const;
    QRect textRect() const;
    // The lines shown at the label's width, the last cut with "…" when the text goes on.
    QStringList shownLines(bool *elided = nullptr) const;

    int m_lineCount = 1;
};

} // namespace AuthStudio
