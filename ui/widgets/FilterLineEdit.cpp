#include "FilterLineEdit.h"

namespace AuthStudio {

FilterLineEdit::FilterLineEdit(QWidget *parent)
    : QLineEdit(parent)
{
    // textChanged also covers text set by code (a restored filter), not only typing.
    connect(this, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (!text.isEmpty() && !isClearButtonEnabled())
            setClearButtonEnabled(true);
    });
}

} // namespace AuthStudio
