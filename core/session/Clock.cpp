#include "Clock.h"

namespace AuthStudio {

namespace {
class SystemClock : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};
} // namespace

Clock *Clock::system()
{
    static SystemClock clock;
    return &clock;
}

} // namespace AuthStudio
