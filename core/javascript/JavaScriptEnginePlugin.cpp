#include "JavaScriptEnginePlugin.h"

#include "JavaScriptEngine.h"

namespace AuthStudio {

std::unique_ptr<ScriptBackend> JavaScriptEnginePlugin::createBackend()
{
    return std::make_unique<JavaScriptEngine>();
}

} // namespace AuthStudio
