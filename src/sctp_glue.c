// SPDX-License-Identifier: GPL-2.0
/*
 * sctp_glue.c - resolve and wrap the sctp.ko exports sctp_dar uses.
 *
 * Locking: none of its own. The resolved pointers are written once in
 * sctp_dar_sctp_glue_init() (process context, module load) before any other
 * part of sctp_dar starts, and cleared in sctp_dar_sctp_glue_exit() after
 * every other part has stopped, so readers need no synchronisation.
 */
#include <linux/kmod.h>
#include <linux/module.h>

#include "sctp_glue.h"

/* The exports used, resolved by symbol_get(); each holds a reference on
 * sctp.ko until sctp_dar_sctp_glue_exit().
 */
static struct {
	typeof(sctp_for_each_endpoint) *for_each_endpoint;
	typeof(sctp_transport_traverse_process) *transport_traverse;
	typeof(sctp_transport_lookup_process) *transport_lookup;
} dar_sctp;

/**
 * sctp_dar_sctp_glue_init - load sctp.ko and resolve its exports
 *
 * Context: process context (module init); may sleep.
 * Return: 0, or -EPROTONOSUPPORT when SCTP cannot be loaded on this host.
 */
int sctp_dar_sctp_glue_init(void)
{
	int err;

	/* Built-in SCTP needs no module; a failure here only matters if the
	 * symbols below cannot be found either.
	 */
	err = request_module("sctp");

	dar_sctp.for_each_endpoint = symbol_get(sctp_for_each_endpoint);
	if (!dar_sctp.for_each_endpoint) {
		pr_err("SCTP is not available: sctp.ko could not be loaded (request_module: %d)\n",
		       err);
		return -EPROTONOSUPPORT;
	}
	dar_sctp.transport_traverse = symbol_get(sctp_transport_traverse_process);
	if (!dar_sctp.transport_traverse) {
		pr_err("SCTP is not available: sctp_transport_traverse_process is not exported\n");
		goto err_put_for_each_endpoint;
	}
	dar_sctp.transport_lookup = symbol_get(sctp_transport_lookup_process);
	if (!dar_sctp.transport_lookup) {
		pr_err("SCTP is not available: sctp_transport_lookup_process is not exported\n");
		goto err_put_transport_traverse;
	}
	return 0;

err_put_transport_traverse:
	symbol_put(sctp_transport_traverse_process);
	dar_sctp.transport_traverse = NULL;
err_put_for_each_endpoint:
	symbol_put(sctp_for_each_endpoint);
	dar_sctp.for_each_endpoint = NULL;
	return -EPROTONOSUPPORT;
}

/**
 * sctp_dar_sctp_glue_exit - drop the references taken on sctp.ko
 *
 * Context: process context (module exit or init unwind).
 */
void sctp_dar_sctp_glue_exit(void)
{
	if (dar_sctp.transport_lookup) {
		symbol_put(sctp_transport_lookup_process);
		dar_sctp.transport_lookup = NULL;
	}
	if (dar_sctp.transport_traverse) {
		symbol_put(sctp_transport_traverse_process);
		dar_sctp.transport_traverse = NULL;
	}
	if (dar_sctp.for_each_endpoint) {
		symbol_put(sctp_for_each_endpoint);
		dar_sctp.for_each_endpoint = NULL;
	}
}

/**
 * sctp_dar_sctp_walk_endpoints - walk the SCTP endpoints of one netns
 * @net: the network namespace
 * @cb: called for each endpoint with a reference held on it and no
 *      sctp.ko lock held, so it may sleep; a non-zero return stops the walk
 * @arg: passed to @cb
 *
 * Context: process context.
 * Return: what the last @cb call returned, 0 if none stopped the walk.
 */
int sctp_dar_sctp_walk_endpoints(struct net *net, sctp_dar_ep_cb_t cb,
				 void *arg)
{
	int pos = 0;

	return dar_sctp.for_each_endpoint(cb, net, &pos, arg);
}

/**
 * sctp_dar_sctp_transport_traverse - resumable walk of the associations
 * @net: the network namespace
 * @cb: called once per association (for its primary transport) under
 *      rcu_read_lock(), with references held on that transport and its
 *      endpoint; it must not sleep; a non-zero return stops the walk
 * @cb_done: if @cb stopped the walk, called outside RCU with the same
 *      references (it may sleep); returning 0 resumes the walk after that
 *      association; may be NULL
 * @pos: in: how many associations of @net to skip; out: advanced by one for
 *       each association @cb returned 0 for (and each resumed after
 *       @cb_done), so that it can be passed in again to continue
 * @arg: passed to @cb and @cb_done
 *
 * sctp_transport_traverse_process(). The position is an index into sctp.ko's
 * transport hash table: associations added or removed, or a rehash, between
 * two calls shift it.
 *
 * Context: process context.
 * Return: what @cb returned when it stopped the walk, 0 at the end.
 */
int sctp_dar_sctp_transport_traverse(struct net *net, sctp_callback_t cb,
				     sctp_callback_t cb_done, int *pos,
				     void *arg)
{
	return dar_sctp.transport_traverse(cb, cb_done, net, pos, arg);
}

/**
 * sctp_dar_sctp_transport_lookup - find the association of an address pair
 * @net: the network namespace
 * @laddr: a local address and port of the association
 * @paddr: a peer address and port of the association
 * @dif: the device the packet came in or goes out on (sockets bound to a
 *	device match only it), 0 for any; ignored where sctp.ko has no such
 *	argument
 * @cb: called once, if found, with references held on the transport and
 *	its endpoint, outside sctp.ko's RCU section; the caller's context
 *	applies (in softirq it must not sleep)
 * @arg: passed to @cb
 *
 * sctp_transport_lookup_process(): an RCU hash lookup, no lock taken, so
 * it may run in softirq (netfilter hooks) as in process context.
 *
 * Context: any but hard IRQ; the caller holds rcu_read_lock() when in
 * softirq (netfilter does).
 * Return: what @cb returned, or -ENOENT if no association matched.
 */
int sctp_dar_sctp_transport_lookup(struct net *net,
				   const union sctp_addr *laddr,
				   const union sctp_addr *paddr, int dif,
				   sctp_callback_t cb, void *arg)
{
	return sctp_dar_call_lookup_process(dar_sctp.transport_lookup, cb, net,
					    laddr, paddr, arg, dif);
}
