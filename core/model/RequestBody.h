// RequestBody: the body of an API Request step or a resource's body defaults. JSON bodies are
// interpolated structurally (each string inside the JSON), so values are always correctly escaped.
#pragma once

#include "KeyValue.h"

namespace AuthStudio {

struct RequestBody
{
    enum class Kind { None, Json, FormUrlEncoded, Raw };

    Kind kind = Kind::None;
    QString text; // Json and Raw
    KeyValueList fields; // FormUrlEncoded
    QString contentType; // Raw only; empty means text/plain

    bool operator==(const RequestBody &) const = default;
};

} // namespace AuthStudio
