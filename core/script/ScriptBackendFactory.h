// ScriptBackendFactory: the interface the JavaScript engine plugin exports, through which ScriptPlugin
// creates one ScriptBackend per ScriptEngine. The interface id carries a version: a plugin built from
// other sources is refused rather than called through a different layout (2: EvalResult carries the
// console lines).
#pragma once

#include "ScriptBackend.h"

#include <QtPlugin>

#include <memory>

namespace AuthStudio {

class ScriptBackendFactory
{
public:
    virtual ~ScriptBackendFactory() = default;
    virtual std::unique_ptr<ScriptBackend> createBackend() = 0;
};

} // namespace AuthStudio

#define AuthStudioScriptBackendFactory_iid "dev.authstudio.ScriptBackendFactory/2"
Q_DECLARE_INTERFACE(AuthStudio::ScriptBackendFactory, AuthStudioScriptBackendFactory_iid)
