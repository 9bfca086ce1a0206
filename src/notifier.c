// SPDX-License-Identifier: GPL-2.0
/*
 * notifier.c - the host's network events: devices appearing and going,
 * carrier and admin state, IPv4 and IPv6 addresses.
 *
 * Every callback only copies the event (struct sctp_dar_hostev) and hands
 * it to its namespace's engine (sctp_dar_reconf_hostev()), which queues,
 * coalesces and defers it to process context, where loopback and
 * link-local addresses are reported as ignored. Nothing here sleeps,
 * takes a socket lock or talks to SCTP.
 *
 * Locking: none of its own. Contexts of the entry points:
 *  - dar_netdev_event(): netdevice chain, process context, RTNL held;
 *  - dar_inetaddr_event(): inetaddr chain (blocking), process context,
 *    RTNL held;
 *  - dar_inet6addr_event(): inet6addr chain, which is an atomic notifier
 *    chain (called under rcu_read_lock(), possibly with BH disabled): no
 *    sleeping, GFP_ATOMIC.
 *
 * IPv6 duplicate address detection ends without any chain event (only
 * rtnetlink reports it), and so do lifetime changes that deprecate an
 * address: reconf.c polls the host view while such addresses exist.
 */
#include <linux/inetdevice.h>
#include <linux/netdevice.h>
#include <linux/notifier.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <net/addrconf.h>
#include <net/if_inet6.h>

#include "notifier.h"
#include "reconf.h"

/* Copy one event and queue it; an event that cannot be allocated is lost
 * (the next pass reads the host anyway).
 */
static void dar_event(struct net *net, u8 type, int ifindex,
		      const union sctp_addr *a, gfp_t gfp)
{
	struct sctp_dar_hostev *ev;

	ev = kzalloc(sizeof(*ev), gfp);
	if (!ev)
		return;
	ev->type = type;
	ev->ifindex = ifindex;
	if (a)
		ev->a = *a;
	ev->ns = ktime_get_ns();
	sctp_dar_reconf_hostev(net, ev);
}

static int dar_netdev_event(struct notifier_block *nb, unsigned long event,
			    void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	u8 type;

	if (dev->flags & IFF_LOOPBACK)
		return NOTIFY_DONE;

	switch (event) {
	case NETDEV_REGISTER:
		type = SCTP_DAR_EV_LINK_NEW;
		break;
	case NETDEV_UNREGISTER:
		type = SCTP_DAR_EV_LINK_GONE;
		break;
	case NETDEV_UP:
	case NETDEV_CHANGE:	/* carrier or operstate (linkwatch) */
		type = netif_carrier_ok(dev) ? SCTP_DAR_EV_LINK_UP :
					       SCTP_DAR_EV_LINK_DOWN;
		break;
	case NETDEV_DOWN:
		type = SCTP_DAR_EV_LINK_DOWN;
		break;
	default:
		return NOTIFY_DONE;
	}
	dar_event(dev_net(dev), type, dev->ifindex, NULL, GFP_KERNEL);
	return NOTIFY_DONE;
}

static int dar_inetaddr_event(struct notifier_block *nb, unsigned long event,
			      void *ptr)
{
	const struct in_ifaddr *ifa = ptr;
	struct net_device *dev = ifa->ifa_dev->dev;
	union sctp_addr a = {};

	if (event != NETDEV_UP && event != NETDEV_DOWN)
		return NOTIFY_DONE;
	a.v4.sin_family = AF_INET;
	a.v4.sin_addr.s_addr = ifa->ifa_local;
	dar_event(dev_net(dev), event == NETDEV_UP ? SCTP_DAR_EV_ADDR_ADD :
						     SCTP_DAR_EV_ADDR_DEL,
		  dev->ifindex, &a, GFP_KERNEL);
	return NOTIFY_DONE;
}

static int dar_inet6addr_event(struct notifier_block *nb, unsigned long event,
			       void *ptr)
{
	const struct inet6_ifaddr *ifa = ptr;
	struct net_device *dev = ifa->idev->dev;
	union sctp_addr a = {};

	if (event != NETDEV_UP && event != NETDEV_DOWN)
		return NOTIFY_DONE;
	a.v6.sin6_family = AF_INET6;
	a.v6.sin6_addr = ifa->addr;
	dar_event(dev_net(dev), event == NETDEV_UP ? SCTP_DAR_EV_ADDR_ADD :
						     SCTP_DAR_EV_ADDR_DEL,
		  dev->ifindex, &a, GFP_ATOMIC);
	return NOTIFY_DONE;
}

static struct notifier_block dar_netdev_nb = {
	.notifier_call = dar_netdev_event,
};

static struct notifier_block dar_inetaddr_nb = {
	.notifier_call = dar_inetaddr_event,
};

static struct notifier_block dar_inet6addr_nb = {
	.notifier_call = dar_inet6addr_event,
};

/**
 * sctp_dar_notifier_init - start listening to the host's network events
 *
 * Registered after sctp.ko's own notifiers (same priority, later
 * registration), so for an address event sctp.ko has already queued it for
 * auto_asconf when sctp_dar hears of it.
 *
 * Context: process context (module init), after sctp_dar_reconf_init().
 * Return: 0 or a negative errno.
 */
int sctp_dar_notifier_init(void)
{
	int err;

	err = register_netdevice_notifier(&dar_netdev_nb);
	if (err)
		return err;
	err = register_inetaddr_notifier(&dar_inetaddr_nb);
	if (err)
		goto err_unregister_netdev;
	err = register_inet6addr_notifier(&dar_inet6addr_nb);
	if (err)
		goto err_unregister_inetaddr;
	return 0;

err_unregister_inetaddr:
	unregister_inetaddr_notifier(&dar_inetaddr_nb);
err_unregister_netdev:
	unregister_netdevice_notifier(&dar_netdev_nb);
	return err;
}

/**
 * sctp_dar_notifier_exit - stop listening
 *
 * When it returns no callback is running or will run (the atomic chain's
 * unregistration waits for an RCU grace period).
 *
 * Context: process context (module exit or init unwind).
 */
void sctp_dar_notifier_exit(void)
{
	unregister_inet6addr_notifier(&dar_inet6addr_nb);
	unregister_inetaddr_notifier(&dar_inetaddr_nb);
	unregister_netdevice_notifier(&dar_netdev_nb);
}
