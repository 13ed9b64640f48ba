//! Who a request comes from, for the per-client throttles: the socket's peer address, or, when
//! that peer is a trusted proxy (`PORTAL_TRUSTED_PROXIES`), the nearest address in
//! `X-Forwarded-For` that is not one of them. An IPv6 client is keyed by its /64 (one household
//! or machine usually holds a whole /64, and could otherwise take a new address per request).

use std::net::{IpAddr, Ipv6Addr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Request};
use ipnet::IpNet;

/// The proxies (addresses or networks) whose `X-Forwarded-For` is believed. None by default:
/// without a proxy in front, the header is the client's own word and is ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Parses a comma-separated list of addresses (`10.0.0.5`) and networks (`10.0.0.0/8`).
    pub fn parse(text: &str) -> anyhow::Result<TrustedProxies> {
        text.split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| {
                item.parse::<IpNet>()
                    .or_else(|_| item.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| anyhow::anyhow!("not an address or network: {item}"))
            })
            .collect::<anyhow::Result<Vec<_>>>()
            .map(TrustedProxies)
    }

    pub fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&address))
    }

    /// The client behind `peer`: `peer` itself unless it is trusted, else the right-most
    /// `X-Forwarded-For` hop that is not trusted (hops left of it could be made up by the
    /// client). Every hop trusted: the left-most; a hop that is not an address ends the walk at
    /// the last trusted one.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.trusts(peer) {
            return peer;
        }
        let hops: Vec<Option<IpAddr>> = headers
            .get_all("x-forwarded-for")
            .iter()
            .flat_map(|value| value.to_str().unwrap_or("?").split(','))
            .map(|hop| parse_hop(hop.trim()))
            .collect();
        let mut client = peer;
        for hop in hops.into_iter().rev() {
            match hop {
                Some(hop) if self.trusts(hop) => client = hop,
                Some(hop) => return hop,
                None => break,
            }
        }
        client
    }
}

/// One `X-Forwarded-For` entry: an address, perhaps with a port (`1.2.3.4:5678`,
/// `[2001:db8::1]:443`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|socket| socket.ip()))
}

/// The key a client's buckets are kept under.
pub fn key(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let segments = v6.segments();
                IpAddr::V6(Ipv6Addr::new(
                    segments[0],
                    segments[1],
                    segments[2],
                    segments[3],
                    0,
                    0,
                    0,
                    0,
                ))
            }
        },
    }
}

/// The client key of a request, from the connection the serve loop recorded
/// (`ConnectInfo<SocketAddr>`). A request without one (built in a test without a socket) is
/// keyed as the unspecified address.
pub fn of<B>(request: &Request<B>, proxies: &TrustedProxies) -> IpAddr {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([0, 0, 0, 0]), |info| info.0.ip());
    key(proxies.client(peer, request.headers()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use axum::http::HeaderValue;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn forwarded(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let proxies = TrustedProxies::default();
        assert_eq!(
            proxies.client(ip("203.0.113.9"), &forwarded("198.51.100.1")),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn a_trusted_proxy_names_the_hop_it_added() {
        let proxies = TrustedProxies::parse("10.0.0.0/8, 192.0.2.7").unwrap();
        // The client wrote 1.1.1.1 itself; the outer proxy added 198.51.100.1.
        let headers = forwarded("1.1.1.1, 198.51.100.1, 10.1.2.3");
        assert_eq!(
            proxies.client(ip("192.0.2.7"), &headers),
            ip("198.51.100.1")
        );
        assert_eq!(
            proxies.client(ip("203.0.113.9"), &headers),
            ip("203.0.113.9")
        );
        assert_eq!(
            proxies.client(ip("10.9.9.9"), &HeaderMap::new()),
            ip("10.9.9.9")
        );
        assert_eq!(
            proxies.client(ip("10.9.9.9"), &forwarded("[2001:db8::1]:443")),
            ip("2001:db8::1")
        );
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err());
        assert!(TrustedProxies::parse("proxy.local").is_err());
    }

    #[test]
    fn ipv6_clients_are_keyed_by_their_64() {
        assert_eq!(key(ip("2001:db8:1:2:aaaa::1")), ip("2001:db8:1:2::"));
        assert_eq!(key(ip("::ffff:192.0.2.1")), ip("192.0.2.1"));
        assert_eq!(key(ip("192.0.2.1")), ip("192.0.2.1"));
    }
}
