// Linux interfaces Glibc's Swift module leaves out: timerfd, for seeing the system clock set;
// malloc_trim, for giving the heap's free pages back after a planning pass.
#include <sys/timerfd.h>
#include <sys/inotify.h>
#include <sys/file.h>
#include <malloc.h>
