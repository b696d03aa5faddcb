// ElidedLabel: a label one line high that shows as much of its text as fits, ending it with "…" when it is
// cut. text() stays the whole text (screen readers read it; the context menu copies it). However long a
// message gets, the label's height doesn't change, so the widgets below it never move when one comes: a
// word-wrapped status label pushed the preview's query row down by a line or three.
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

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString oneLine() const;
    QRect textRect() const;
};

} // namespace AuthStudio
