#include "FilterLineEdit.h"

#include <memory>

namespace AuthStudio {

FilterLineEdit::FilterLineEdit(QWidget *parent)
    : QLineEdit(parent)
{
    // textChanged also covers text set by code (a restored filter), not only typing.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(this, &QLineEdit::textChanged, this, [this, connection](const QString &text) {
        if (text.isEmpty())
            return;
        disconnect(*connection);
        setClearButtonEnabled(true);
    });
}

} // namespace AuthStudio
