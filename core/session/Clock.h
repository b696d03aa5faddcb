// Clock: where sessions and the query client read the time, so tests can control it (expiry, login
// timeouts) instead of sleeping. SystemClock is the real one.
#pragma once

#include <QDateTime>

namespace AuthStudio {

class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;

    static Clock *system();
};

// A clock a test moves by hand.
class ManualClock : public Clock
{
public:
    explicit ManualClock(const QDateTime &start = QDateTime::currentDateTimeUtc())
        : m_now(start)
    { }
    QDateTime now() const override { return m_now; }
    void advance(qint64 ms) { m_now = m_now.addMSecs(ms); }

private:
    QDateTime m_now;
};

} // namespace AuthStudio
