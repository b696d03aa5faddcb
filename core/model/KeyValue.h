// KeyValue: one row of a header, URL parameter or form-body table. Values may hold {{ expressions }}.
#pragma once

#include <QList>
#include <QString>

namespace AuthStudio {

struct KeyValue
{
    QString name;
    QString value;
    bool enabled = true;

    // No name and no value: a table's spare row, kept but never sent.
    bool isBlank() const { return name.trimmed().isEmpty() && value.isEmpty(); }
    bool operator==(const KeyValue &) const = default;
};

using KeyValueList = QList<KeyValue>;

} // namespace AuthStudio
