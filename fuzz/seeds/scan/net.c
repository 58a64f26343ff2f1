/* The C side: codes as literals and as macros. */
#include "net.h"
#define NET_MASK 0x2300043   /* hex: not a code */

int connect_peer(double timeout) {
    if (timeout > 2300001.5) return 2300001;   /* a float, then a code */
    if (refused()) return 2300042;              /* undocumented */
    if (vendor()) return 2300950;               /* a vendor range */
    return -1;
}
