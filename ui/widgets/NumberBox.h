// NumberBox: a spin box that takes whatever number is typed and holds it to its range when editing
// finishes (Enter, leaving the box), showing the value it keeps. QSpinBox refuses a keystroke that
// takes the number past its maximum, so typing 4000 where 3600 is the most gave 400.
#pragma once

#include <QSpinBox>

#include <optional>

namespace AuthStudio {

class NumberBox : public QSpinBox
{
    Q_OBJECT
public:
    explicit NumberBox(QWidget *parent = nullptr);

protected:
    QValidator::State validate(QString &text, int &position) const override;
    void fixup(QString &text) const override;

private:
    std::optional<qlonglong> typedNumber(const QString &text) const;
};

} // namespace AuthStudio
