// Linux interfaces Glibc's Swift module leaves out: timerfd, for seeing the system clock set.
#include <sys/timerfd.h>
#include <sys/inotify.h>
#include <sys/file.h>
