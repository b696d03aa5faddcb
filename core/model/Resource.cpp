#include "Resource.h"

namespace AuthStudio {

QString Resource::kindId(Kind kind)
{
    switch (kind) {
    case Kind::Rest:
        return QStringLiteral("rest");
    case Kind::GraphQL:
        return QStringLiteral("graphql");
    case Kind::OpenApi:
        return QStringLiteral("openapi");
    case Kind::Grpc:
        return QStringLiteral("grpc");
    }
    return {};
}

QString Resource::authMethodId(AuthMethod method)
{
    switch (method) {
    case AuthMethod::None:
        return QStringLiteral("none");
    case AuthMethod::Custom:
        return QStringLiteral("custom");
    }
    return {};
}

} // namespace AuthStudio
