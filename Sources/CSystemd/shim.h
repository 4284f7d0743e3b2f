// The parts of libsystemd Kizuna uses. Swift cannot call the variadic `sd_notifyf` and
// `sd_journal_send`; `sd_notify` and `sd_journal_sendv_with_location` do the same work.
#ifndef KIZUNA_CSYSTEMD_SHIM_H
#define KIZUNA_CSYSTEMD_SHIM_H

#include <sys/uio.h>
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>

#endif
