// Resource: an API the workspace talks to: base URL, headers, URL parameters, body defaults and an
// authentication method. The kind leaves room for GraphQL, OpenAPI and gRPC resources.
#pragma once

#include "CustomAuth.h"
#include "KeyValue.h"

namespace AuthStudio {

struct Resource
{
    enum class Kind { Rest, GraphQL, OpenApi, Grpc };
    enum class AuthMethod { None, Custom };

    QString name;
    Kind kind = Kind::Rest;
    QString baseUrl;
    KeyValueList headers;
    KeyValueList urlParameters;
    KeyValueList bodyDefaults;
    AuthMethod authMethod = AuthMethod::None;
    CustomAuth customAuth;

    static QString kindId(Kind kind);
    static QString authMethodId(AuthMethod method);
    bool operator==(const Resource &) const = default;
};

} // namespace AuthStudio
