/* Generated from the gateway's OpenAPI document by web/src/api/generate.ts (npm run generate:api -w web). Do not edit. */

export interface paths {
    "/api/admin/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Admins: orders placed and paid, revenue (payments captured) and refunds per currency, per UTC day and product category, carts → orders → paid conversion and average order value, from `from` to `to` (dates, both included, at most 366 days) */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: {
                    "x-consistency-token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the figures of every day of the range and their totals */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description per currency: the amounts of the orders paid ÷ their number, rounded half up to a minor unit */
                            averageOrderValue: {
                                amount: number;
                                currency: string;
                            }[];
                            conversion: {
                                cartsCheckedOut: number;
                                cartsCreated: number;
                                /** @description carts checked out ÷ carts created (null without carts); orders placed directly are not from carts */
                                cartToOrder: number | null;
                                ordersPaid: number;
                                ordersPlaced: number;
                                /** @description orders paid ÷ orders placed (null without orders) */
                                orderToPaid: number | null;
                            };
                            /** @description every UTC day of the range, in order, empty ones included */
                            days: {
                                cartsCheckedOut: number;
                                /** @description carts that went from empty to holding an item */
                                cartsCreated: number;
                                categories: {
                                    category: string;
                                    /** @description orders paid with at least one line of the category */
                                    ordersPaid: number;
                                    /** @description orders placed with at least one line of the category */
                                    ordersPlaced: number;
                                    /** @description the category's lines of the orders paid (quantity × unit price), per currency */
                                    revenue: {
                                        amount: number;
                                        currency: string;
                                    }[];
                                    /** @description units of the category on orders paid */
                                    unitsSold: number;
                                }[];
                                date: string;
                                ordersPaid: number;
                                ordersPlaced: number;
                                /** @description refunds that succeeded, per currency */
                                refunds: {
                                    amount: number;
                                    count: number;
                                    currency: string;
                                }[];
                                /** @description payments captured, per currency */
                                revenue: {
                                    amount: number;
                                    currency: string;
                                }[];
                            }[];
                            from: string;
                            to: string;
                            totals: {
                                cartsCheckedOut: number;
                                /** @description carts that went from empty to holding an item */
                                cartsCreated: number;
                                categories: {
                                    category: string;
                                    /** @description orders paid with at least one line of the category */
                                    ordersPaid: number;
                                    /** @description orders placed with at least one line of the category */
                                    ordersPlaced: number;
                                    /** @description the category's lines of the orders paid (quantity × unit price), per currency */
                                    revenue: {
                                        amount: number;
                                        currency: string;
                                    }[];
                                    /** @description units of the category on orders paid */
                                    unitsSold: number;
                                }[];
                                ordersPaid: number;
                                ordersPlaced: number;
                                /** @description refunds that succeeded, per currency */
                                refunds: {
                                    amount: number;
                                    count: number;
                                    currency: string;
                                }[];
                                /** @description payments captured, per currency */
                                revenue: {
                                    amount: number;
                                    currency: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not an admin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/dlq": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Admins: dead letters, newest first: where each came from (consumer group, topic, partition, offset), why, after how many attempts, when; cursor pagination */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description one page; `nextCursor` fetches older ones */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                at: string | null;
                                attempts: number | null;
                                eventType: string | null;
                                headers: {
                                    [key: string]: string;
                                };
                                id: string;
                                key: string | null;
                                reason: string;
                                replayable: boolean;
                                sizeBytes: number;
                                source: {
                                    consumerGroup: string;
                                    /** @enum {string} */
                                    kind: "message" | "event-store";
                                    offset: number | null;
                                    partition: number | null;
                                    position: number | null;
                                    topic: string | null;
                                } | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not an admin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description this command API runs without the log */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/dlq/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Admins: re-drive a dead letter to its original topic (every consumer of that topic reads it again). At most once: a second replay is a 409 saying where the first went */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the copy is on the topic; its consumers handle it as they read */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            replayedAt: string;
                            replayedTo: {
                                offset: number;
                                partition: number;
                                topic: string;
                            };
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not an admin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description no such dead letter */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description already replayed (or being replayed), or not replayable (a stored event the mirror could not encode) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description this command API runs without the log */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/inventory/{sku}/low-stock-threshold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Admins: the available stock at or below which this SKU is low (`null`: the `LOW_STOCK_THRESHOLD` setting); the same value again appends nothing */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sku: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        threshold: number | null;
                    };
                };
            };
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not an admin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description no product has this SKU */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/inventory/low-stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Admins: SKUs whose available stock is at or below their threshold (their own, else the `LOW_STOCK_THRESHOLD` setting or `defaultThreshold`), most short first; the first `limit` */
        get: {
            parameters: {
                query?: {
                    defaultThreshold?: number;
                    limit?: number;
                };
                header?: {
                    "x-consistency-token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the low SKUs and the default threshold applied */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            defaultThreshold: number;
                            items: {
                                available: number;
                                onHand: number;
                                reserved: number;
                                shortfall: number;
                                sku: string;
                                threshold: number;
                                /** @enum {string} */
                                thresholdSource: "sku" | "default";
                            }[];
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not an admin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Admins: server-sent events every SSE_ADMIN_INTERVAL_MS with orders per status, SKUs at or below their low-stock threshold (LOW_STOCK_THRESHOLD unless set per SKU), and each projection's lag */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `event: figures` events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description not authenticated */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not an admin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the caller has SSE_MAX_CONNECTIONS_PER_USER live streams open already */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the server is shutting down; reconnect */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Admins: every customer's orders with payment and refund state, newest first; by status, customer and placedAt range (`from`, `to`: ISO dates or date-times, inclusive); cursor pagination */
        get: {
            parameters: {
                query?: {
                    currency?: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                    cursor?: string;
                    customerId?: string;
                    from?: string;
                    limit?: number;
                    maxTotal?: number;
                    minTotal?: number;
                    status?: "placed" | "confirmed" | "paid" | "shipped" | "delivered" | "completed" | "return_requested" | "returned" | "refunded" | "rejected" | "expired" | "cancelled";
                    to?: string;
                };
                header?: {
                    "x-consistency-token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description one page; `nextCursor` fetches the next */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                completion: {
                                    acceptedBy: string;
                                    completedAt: string;
                                } | null;
                                customerId: string;
                                delivery: {
                                    acceptanceDeadline: string;
                                    deliveredAt: string;
                                    returnWindowEndsAt: string;
                                } | null;
                                id: string;
                                lines: {
                                    name: string;
                                    productId: string;
                                    quantity: number;
                                    sku: string;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                }[];
                                payment: {
                                    attempts: {
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                        captured: {
                                            amount: number;
                                            currency: string;
                                        };
                                        declineCode: string | null;
                                        paymentId: string;
                                        requestedAt: string;
                                        status: string;
                                    }[];
                                    paidAmount: {
                                        amount: number;
                                        currency: string;
                                    } | null;
                                    paidAt: string | null;
                                    paymentId: string | null;
                                    status: string;
                                };
                                paymentDeadline: string | null;
                                placedAt: string;
                                refund: {
                                    refunds: {
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                        paymentId: string;
                                        reason: string | null;
                                        refundId: string;
                                        requestedAt: string;
                                        status: string;
                                    }[];
                                    requested: {
                                        amount: number;
                                        currency: string;
                                    };
                                    status: string;
                                    succeeded: {
                                        amount: number;
                                        currency: string;
                                    };
                                };
                                return: {
                                    lines: {
                                        quantity: number;
                                        sku: string;
                                    }[];
                                    reason: string;
                                    received: {
                                        lines: {
                                            damaged: number;
                                            restocked: number;
                                            sku: string;
                                        }[];
                                        receivedAt: string;
                                        refundAmount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    } | null;
                                    requestedAt: string;
                                } | null;
                                revision: number;
                                shipment: {
                                    carrier: string | null;
                                    deliveredAt: string | null;
                                    dispatchedAt: string | null;
                                    shipmentId: string;
                                    status: string;
                                    trackingNumber: string | null;
                                } | null;
                                shippingAddress: {
                                    city: string;
                                    country: string;
                                    line1: string;
                                    line2: string | null;
                                    postalCode: string;
                                    recipient: string;
                                    region: string | null;
                                } | null;
                                status: string;
                                timeline: {
                                    at: string;
                                    event: string;
                                    status: string;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not an admin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/payments/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refund a captured payment (admin): `amount`, or without it all that is left; refunds never exceed the capture, also when requested concurrently */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount?: {
                            amount: number;
                            /** @enum {string} */
                            currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                        };
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description refund requested; the provider is asked asynchronously */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            paymentId: string;
                            position: number;
                            refundId: string;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description admins only */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unknown payment */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the payment cannot be refunded in its state, the amount exceeds what is left, another currency, or a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/shipments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Admins: shipments with lines, address, carrier and tracking, newest first; by status; cursor pagination */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    status?: "open" | "dispatched" | "delivered" | "return_requested" | "returned" | "cancelled";
                };
                header?: {
                    "x-consistency-token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description one page; `nextCursor` fetches the next */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                address: {
                                    city: string;
                                    country: string;
                                    line1: string;
                                    line2: string | null;
                                    postalCode: string;
                                    recipient: string;
                                    region: string | null;
                                };
                                cancelledAt: string | null;
                                carrier: string | null;
                                customerId: string;
                                deliveredAt: string | null;
                                dispatchedAt: string | null;
                                id: string;
                                lines: {
                                    name: string;
                                    quantity: number;
                                    sku: string;
                                }[];
                                openedAt: string;
                                orderId: string;
                                returned: {
                                    lines: {
                                        damaged: number;
                                        restocked: number;
                                        sku: string;
                                    }[];
                                    receivedAt: string;
                                } | null;
                                returnRequest: {
                                    lines: {
                                        quantity: number;
                                        sku: string;
                                    }[];
                                    requestedAt: string;
                                } | null;
                                revision: number;
                                status: string;
                                trackingNumber: string | null;
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not an admin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/shipments/{id}/deliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the delivery of a dispatched shipment (admin); the return and acceptance windows open */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description admins only */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unknown shipment */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the shipment is not dispatched, or a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/shipments/{id}/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand a shipment to a carrier, with its tracking number (admin) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        carrier: string;
                        trackingNumber: string;
                    };
                };
            };
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description admins only */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unknown shipment */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the shipment cannot be dispatched in its state, or was dispatched with another tracking number, or a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/shipments/{id}/returned": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record what came back of a return, per SKU: back to stock (restocked) or written off (damaged); a line left out came back with nothing (admin) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        lines: {
                            damaged: number;
                            restocked: number;
                            sku: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input, or more than was asked back */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description admins only */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unknown shipment */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the shipment has no return to receive, or a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Admins: list users by email or name prefix (`q`), role and status, newest first or by email, cursor pagination; each with the orders they placed (count, totals per currency) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    q?: string;
                    role?: "customer" | "admin";
                    sort?: "newest" | "email";
                    status?: "active" | "disabled";
                };
                header?: {
                    "x-consistency-token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description one page; `nextCursor` fetches the next */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                email: string;
                                id: string;
                                name: string;
                                orders: {
                                    count: number;
                                    placedTotals: {
                                        amount: number;
                                        currency: string;
                                    }[];
                                };
                                revision: number;
                                /** @enum {string} */
                                role: "customer" | "admin";
                                /** @enum {string} */
                                status: "active" | "disabled";
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not an admin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a user (admin): refreshes stop at once, access tokens at their expiry */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description admins only */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unknown user */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not possible in the user's state (an admin disabling or demoting themselves), or a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a user again (admin) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description admins only */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unknown user */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not possible in the user's state (an admin disabling or demoting themselves), or a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change a user's role (admin) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "customer" | "admin";
                    };
                };
            };
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description admins only */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unknown user */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not possible in the user's state (an admin disabling or demoting themselves), or a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public keys (JWKS) that verify access tokens; old keys stay until their tokens expire */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description JSON Web Key Set */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keys: {
                                alg: string;
                                crv: string;
                                kid: string;
                                kty: string;
                                use: string;
                                x: string;
                                y: string;
                            }[];
                        };
                    };
                };
                /** @description the Authorization header is not a valid access token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange email and password for an access token (ES256 JWT, short-lived) and a rotating refresh token */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description tokens */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            expiresIn: number;
                            refreshExpiresAt: string;
                            refreshToken: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description invalid email or password */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description too many attempts; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session of a refresh token */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken: string;
                    };
                };
            };
            responses: {
                /** @description done */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the Authorization header is not a valid access token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description too many attempts; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a refresh token; reusing an old one revokes its whole family */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken: string;
                    };
                };
            };
            responses: {
                /** @description new tokens */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            expiresIn: number;
                            refreshExpiresAt: string;
                            refreshToken: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description invalid, expired, revoked or reused */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description too many attempts; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a customer account (unique email, password policy) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        name: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the Authorization header is not a valid access token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description email already registered, or a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description too many attempts; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Browser login: as POST /api/auth/login, but the refresh token goes into an httpOnly, SameSite=Strict cookie scoped to /api/auth/session */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description required on every session request (CSRF protection) */
                    "x-csrf-protection": "1";
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description the access token; the refresh token is set in the httpOnly cookie `ecommerce_refresh` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            expiresIn: number;
                            refreshExpiresAt: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description invalid email or password */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the CSRF header is missing, or the request comes from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description too many attempts; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        /** Log out: end the session of the cookie's refresh token and clear the cookie */
        delete: {
            parameters: {
                query?: never;
                header: {
                    /** @description required on every session request (CSRF protection) */
                    "x-csrf-protection": "1";
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description done (also without a session) */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the Authorization header is not a valid access token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the CSRF header is missing, or the request comes from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description too many attempts; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the session cookie's refresh token and get a new access token; reusing an old one ends the whole session family */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description required on every session request (CSRF protection) */
                    "x-csrf-protection": "1";
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the access token; the refresh token is set in the httpOnly cookie `ecommerce_refresh` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            expiresIn: number;
                            refreshExpiresAt: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description no session cookie, or its token is invalid, expired, revoked or reused (the cookie is cleared) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the CSRF header is missing, or the request comes from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description too many attempts; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's own cart (products and quantities; prices are taken at checkout) */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "x-consistency-token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the cart, empty when there is none */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customerId: string;
                            items: {
                                productId: string;
                                quantity: number;
                            }[];
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Place an order from the caller's cart at the products' current prices, and empty the cart */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        shippingAddress?: {
                            city: string;
                            /** @enum {string} */
                            country: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "YE" | "YT" | "ZA" | "ZM" | "ZW";
                            line1: string;
                            line2?: string | null;
                            postalCode: string;
                            recipient: string;
                            region?: string | null;
                        };
                        /** Format: uuid */
                        shippingAddressId?: string;
                    };
                };
            };
            responses: {
                /** @description order placed; reservation follows asynchronously */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cartConsistencyToken: string;
                            consistencyToken: string;
                            id: string;
                            orderId: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description the cart is empty, or holds an unknown product, or shippingAddressId is not a saved address of the caller */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a product in the cart is discontinued, or a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart/items/{productId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the quantity of a product in the caller's cart; 0 removes it */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    productId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        quantity: number;
                    };
                };
            };
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unknown product */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description discontinued product, or the cart is full */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove a product from the caller's cart (removing what is not there changes nothing) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    productId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a concurrent change won */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The departments of the catalog (categories holding active products, by name, with their counts; at most 200) and the currencies its active products are priced in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description departments and currencies, possibly none */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            currencies: {
                                /** @description active products priced in it */
                                count: number;
                                currency: string;
                            }[];
                            items: {
                                category: string;
                                /** @description active products in it */
                                count: number;
                            }[];
                            truncated: boolean;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the Authorization header is not a valid access token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/checkout/payment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How the shop takes payments: its card form (`card_form`: pay with a payment-method token) or the provider's hosted page (`hosted`: pay without one, then follow `redirectUrl`) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the provider and its checkout flow */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description `card_form`: pay with a payment-method token; `hosted`: pay without one and send the customer to the answer's `redirectUrl`
                             * @enum {string}
                             */
                            checkout: "card_form" | "hosted";
                            provider: string;
                        };
                    };
                };
                /** @description the Authorization header is not a valid access token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Admins: stock of one SKU (on hand, reserved, available, sold, returned) */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "x-consistency-token"?: string;
                };
                path: {
                    sku: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the stock; zeros for a SKU without stock movements */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            available: number;
                            onHand: number;
                            reserved: number;
                            returned: number;
                            revision: number;
                            sku: string;
                            sold: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not an admin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory/{sku}/adjust": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct stock for a SKU (admin) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    sku: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        delta: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description admins only */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unknown SKU */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description would make available stock negative, or a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory/{sku}/restock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive stock for a SKU (admin) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    sku: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        quantity: number;
                        reference?: string;
                    };
                };
            };
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description admins only */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unknown SKU */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description would make available stock negative, or a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's own profile with saved shipping addresses and notification preferences; its ETag is the user stream revision */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "x-consistency-token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the profile */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            addresses: {
                                city: string;
                                country: string;
                                id: string;
                                line1: string;
                                line2: string | null;
                                postalCode: string;
                                recipient: string;
                                region: string | null;
                            }[];
                            createdAt: string;
                            email: string;
                            id: string;
                            name: string;
                            notificationPreferences: {
                                email: boolean;
                                phoneNumber: string | null;
                                sms: boolean;
                            };
                            revision: number;
                            /** @enum {string} */
                            role: "customer" | "admin";
                            /** @enum {string} */
                            status: "active" | "disabled";
                            updatedAt: string;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not projected yet; retry with the X-Consistency-Token of the registration */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update your profile */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description no account for the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a concurrent change won */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/me/addresses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Save a shipping address on your profile (`id` is the new address id) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        city: string;
                        /** @enum {string} */
                        country: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "YE" | "YT" | "ZA" | "ZM" | "ZW";
                        line1: string;
                        line2?: string | null;
                        postalCode: string;
                        recipient: string;
                        region?: string | null;
                    };
                };
            };
            responses: {
                /** @description saved */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description no account for the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the account is disabled or keeps the most addresses allowed, or a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/addresses/{addressId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove one of your saved addresses (removing what is not there changes nothing) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    addressId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description no account for the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the account is disabled */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change some fields of one of your saved addresses */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    addressId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        city?: string;
                        /** @enum {string} */
                        country?: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "YE" | "YT" | "ZA" | "ZM" | "ZW";
                        line1?: string;
                        line2?: string | null;
                        postalCode?: string;
                        recipient?: string;
                        region?: string | null;
                    };
                };
            };
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description no saved address of yours has this id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the account is disabled */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Choose the channels you are notified on besides the in-app inbox: email, and SMS (which needs an E.164 phone number) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: boolean;
                        phoneNumber?: string | null;
                        sms: boolean;
                    };
                };
            };
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input, or SMS without a phone number */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description no account for the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the account is disabled */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password; every session ends */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description no account for the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's own in-app messages, newest first, with the number unread; cursor pagination */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: {
                    "x-consistency-token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description one page; `nextCursor` fetches the next, `unread` counts the whole inbox */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                id: string;
                                kind: string;
                                read: boolean;
                                readAt: string | null;
                                subject: string;
                                text: string;
                            }[];
                            nextCursor: string | null;
                            unread: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of your in-app messages read */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description no such message in your inbox */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the message is an email or SMS, not an in-app message, or a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's own orders, newest first, cursor pagination */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: {
                    "x-consistency-token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description one page; `nextCursor` fetches the next */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                completion: {
                                    acceptedBy: string;
                                    completedAt: string;
                                } | null;
                                customerId: string;
                                delivery: {
                                    acceptanceDeadline: string;
                                    deliveredAt: string;
                                    returnWindowEndsAt: string;
                                } | null;
                                id: string;
                                lines: {
                                    name: string;
                                    productId: string;
                                    quantity: number;
                                    sku: string;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                }[];
                                payment: {
                                    attempts: {
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                        captured: {
                                            amount: number;
                                            currency: string;
                                        };
                                        declineCode: string | null;
                                        paymentId: string;
                                        requestedAt: string;
                                        status: string;
                                    }[];
                                    paidAmount: {
                                        amount: number;
                                        currency: string;
                                    } | null;
                                    paidAt: string | null;
                                    paymentId: string | null;
                                    status: string;
                                };
                                paymentDeadline: string | null;
                                placedAt: string;
                                refund: {
                                    refunds: {
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                        paymentId: string;
                                        reason: string | null;
                                        refundId: string;
                                        requestedAt: string;
                                        status: string;
                                    }[];
                                    requested: {
                                        amount: number;
                                        currency: string;
                                    };
                                    status: string;
                                    succeeded: {
                                        amount: number;
                                        currency: string;
                                    };
                                };
                                return: {
                                    lines: {
                                        quantity: number;
                                        sku: string;
                                    }[];
                                    reason: string;
                                    received: {
                                        lines: {
                                            damaged: number;
                                            restocked: number;
                                            sku: string;
                                        }[];
                                        receivedAt: string;
                                        refundAmount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    } | null;
                                    requestedAt: string;
                                } | null;
                                revision: number;
                                shipment: {
                                    carrier: string | null;
                                    deliveredAt: string | null;
                                    dispatchedAt: string | null;
                                    shipmentId: string;
                                    status: string;
                                    trackingNumber: string | null;
                                } | null;
                                shippingAddress: {
                                    city: string;
                                    country: string;
                                    line1: string;
                                    line2: string | null;
                                    postalCode: string;
                                    recipient: string;
                                    region: string | null;
                                } | null;
                                status: string;
                                timeline: {
                                    at: string;
                                    event: string;
                                    status: string;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Place an order directly, at the products' current prices (each product on one line only), shipping to `shippingAddress` or a saved address (`shippingAddressId`) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        lines: {
                            /** Format: uuid */
                            productId: string;
                            quantity: number;
                        }[];
                        shippingAddress?: {
                            city: string;
                            /** @enum {string} */
                            country: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "YE" | "YT" | "ZA" | "ZM" | "ZW";
                            line1: string;
                            line2?: string | null;
                            postalCode: string;
                            recipient: string;
                            region?: string | null;
                        };
                        /** Format: uuid */
                        shippingAddressId?: string;
                    };
                };
            };
            responses: {
                /** @description order placed; reservation follows asynchronously */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            orderId: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a product is discontinued, or a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One order with its timeline, shipping address, payment, refunds, shipment and windows (own orders; admins any); its ETag is the order stream revision */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "x-consistency-token"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            completion: {
                                acceptedBy: string;
                                completedAt: string;
                            } | null;
                            customerId: string;
                            delivery: {
                                acceptanceDeadline: string;
                                deliveredAt: string;
                                returnWindowEndsAt: string;
                            } | null;
                            id: string;
                            lines: {
                                name: string;
                                productId: string;
                                quantity: number;
                                sku: string;
                                unitPrice: {
                                    amount: number;
                                    currency: string;
                                };
                            }[];
                            payment: {
                                attempts: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    captured: {
                                        amount: number;
                                        currency: string;
                                    };
                                    declineCode: string | null;
                                    paymentId: string;
                                    requestedAt: string;
                                    status: string;
                                }[];
                                paidAmount: {
                                    amount: number;
                                    currency: string;
                                } | null;
                                paidAt: string | null;
                                paymentId: string | null;
                                status: string;
                            };
                            paymentDeadline: string | null;
                            placedAt: string;
                            refund: {
                                refunds: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    paymentId: string;
                                    reason: string | null;
                                    refundId: string;
                                    requestedAt: string;
                                    status: string;
                                }[];
                                requested: {
                                    amount: number;
                                    currency: string;
                                };
                                status: string;
                                succeeded: {
                                    amount: number;
                                    currency: string;
                                };
                            };
                            return: {
                                lines: {
                                    quantity: number;
                                    sku: string;
                                }[];
                                reason: string;
                                received: {
                                    lines: {
                                        damaged: number;
                                        restocked: number;
                                        sku: string;
                                    }[];
                                    receivedAt: string;
                                    refundAmount: {
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                requestedAt: string;
                            } | null;
                            revision: number;
                            shipment: {
                                carrier: string | null;
                                deliveredAt: string | null;
                                dispatchedAt: string | null;
                                shipmentId: string;
                                status: string;
                                trackingNumber: string | null;
                            } | null;
                            shippingAddress: {
                                city: string;
                                country: string;
                                line1: string;
                                line2: string | null;
                                postalCode: string;
                                recipient: string;
                                region: string | null;
                            } | null;
                            status: string;
                            timeline: {
                                at: string;
                                event: string;
                                status: string;
                            }[];
                            total: {
                                amount: number;
                                currency: string;
                            };
                            updatedAt: string;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description no such order of the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept one of the caller's own delivered orders: it is completed and its units are sold */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description no such order of the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the order is not delivered, or a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel one of the caller's own orders before it ships; its stock is released and, when paid, its shipment cancelled and its payment refunded */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description no such order of the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the order can no longer be cancelled (shipped, or its shipment dispatched), or a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-sent events of one order's status (own orders; admins any): the current state at once, then each change. Event ids are the order stream revision; a reconnect with `Last-Event-ID` gets only what is newer */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "last-event-id"?: string;
                    "x-consistency-token"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `event: status` events; `id` is the order stream revision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description no such order of the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the caller has SSE_MAX_CONNECTIONS_PER_USER live streams open already */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the server is shutting down; reconnect */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pay one of the caller's own confirmed orders, before its payment deadline, for its total; the provider is asked asynchronously (`Location` is the payment). Without `paymentMethod` (hosted checkout, see `GET /api/checkout/payment`) the answer waits for the provider's page and carries it as `redirectUrl` */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        paymentMethod?: string;
                    };
                };
            };
            responses: {
                /** @description payment requested */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            orderId: string;
                            paymentId: string;
                            position: number;
                            /** @description hosted checkout only: the provider's page where the customer pays (send the browser there); null when it was not ready within the wait (the order's payment carries it later) */
                            redirectUrl?: string | null;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field (`paymentMethod` when it is left out and the provider has no hosted checkout) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description no such order of the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the order cannot be paid in its state (not confirmed, past its deadline, no shipping address, nothing to pay), or a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send back some or all lines of one of the caller's own delivered orders, within the return window, with a reason */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        lines: {
                            /** Format: uuid */
                            productId: string;
                            quantity: number;
                        }[];
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input, or a product not on the order or more than ordered */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description no such order of the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the order is not delivered, or its return window closed, or a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One payment with its status, the customer action it waits for, and its refunds (the payer's own; admins any); its ETag is the payment stream revision */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "x-consistency-token"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the payment */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: {
                                amount: number;
                                currency: string;
                            };
                            captured: {
                                amount: number;
                                currency: string;
                            };
                            capturedAt: string | null;
                            customerId: string;
                            declineCode: string | null;
                            declineMessage: string | null;
                            id: string;
                            orderId: string;
                            provider: string;
                            providerPaymentId: string | null;
                            redirectUrl: string | null;
                            refundable: {
                                amount: number;
                                currency: string;
                            };
                            refunded: {
                                amount: number;
                                currency: string;
                            };
                            refunds: {
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                paymentId: string;
                                reason: string | null;
                                refundId: string;
                                requestedAt: string;
                                status: string;
                            }[];
                            requestedAt: string;
                            revision: number;
                            status: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description no such payment of the caller */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/sandbox/actions/{reference}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sandbox provider's 3-D Secure page: complete or fail a payment that requires the customer's action (HTML) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    reference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description an HTML page with two buttons */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the Authorization header is not a valid access token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the sandbox is not the provider, or no payment waits for an action under this reference */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Complete (`succeeded`) or fail the sandbox's customer action; recorded as the provider's webhook would be. The outcome is in the body, or in the query for HTML forms */
        post: {
            parameters: {
                query?: {
                    outcome?: "succeeded" | "failed";
                };
                header?: never;
                path: {
                    reference: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "succeeded" | "failed";
                    };
                };
            };
            responses: {
                /** @description recorded (`applied` is false when the payment had already moved on) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applied: boolean;
                            eventId: string;
                            received: boolean;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the Authorization header is not a valid access token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the sandbox is not the provider, or no payment waits for an action under this reference */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/webhooks/stripe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The payment provider's webhook: the signature (`Stripe-Signature`; `Sandbox-Signature` when the sandbox is the provider) is verified on the raw body; each event is recorded once (redeliveries and stale reports change nothing) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "sandbox-signature"?: string;
                    "stripe-signature"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description received (`applied` says whether anything was recorded) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applied: boolean;
                            eventId: string;
                            received: boolean;
                        };
                    };
                };
                /** @description the signature does not verify, or the body is not a Stripe event; nothing is recorded */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the Authorization header is not a valid access token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the catalog: words (`q`: every word must match a word of name, description, category or tags, as its prefix or within one typo for words of 4+ letters), category, price range in minor units (of `currency` when given: a range means one amount only within one currency, and `GET /api/categories` lists the catalog's currencies), availability, sort (with `q` default `relevance`: exact > prefix > one typo, name > category > tags > description, ties by id), cursor pagination */
        get: {
            parameters: {
                query?: {
                    category?: string;
                    currency?: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                    cursor?: string;
                    inStock?: "true" | "false";
                    limit?: number;
                    maxPrice?: number;
                    minPrice?: number;
                    q?: string;
                    sort?: "relevance" | "name" | "-name" | "price" | "-price" | "newest";
                };
                header?: {
                    "x-consistency-token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description one page; `nextCursor` fetches the next; with `q`, `facets` counts all matches (at most 1000 ranked and counted) by category, price band in minor units ([0, 2000), [2000, 5000), [5000, 10000), [10000, 20000), [20000, ∞)) and availability */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            facets: {
                                categories: {
                                    category: string;
                                    count: number;
                                }[];
                                inStock: {
                                    inStock: number;
                                    outOfStock: number;
                                };
                                matched: number;
                                priceBands: {
                                    count: number;
                                    max: number | null;
                                    min: number;
                                }[];
                                truncated: boolean;
                            } | null;
                            items: {
                                category: string;
                                createdAt: string;
                                description: string;
                                id: string;
                                images: {
                                    height: number;
                                    id: string;
                                    urls: {
                                        medium: string;
                                        original: string;
                                        thumbnail: string;
                                    };
                                    width: number;
                                }[];
                                listedBy: string | null;
                                name: string;
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                revision: number;
                                sku: string;
                                /** @enum {string} */
                                status: "active" | "discontinued";
                                stock: {
                                    available: number;
                                    inStock: boolean;
                                };
                                tags: string[];
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the Authorization header is not a valid access token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create (list) a product; the SKU must be unique */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        category: string;
                        /** @default  */
                        description?: string;
                        initialStock?: number;
                        name: string;
                        price: {
                            amount: number;
                            /** @enum {string} */
                            currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                        };
                        sku: string;
                        /** @default [] */
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description listed; `Location` is the product, `ETag` its revision */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description SKU already in use, or a request with this Idempotency-Key is in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One product with availability; its ETag is the product stream revision */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "x-consistency-token"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the product */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: string;
                            createdAt: string;
                            description: string;
                            id: string;
                            images: {
                                height: number;
                                id: string;
                                urls: {
                                    medium: string;
                                    original: string;
                                    thumbnail: string;
                                };
                                width: number;
                            }[];
                            listedBy: string | null;
                            name: string;
                            price: {
                                amount: number;
                                currency: string;
                            };
                            revision: number;
                            sku: string;
                            /** @enum {string} */
                            status: "active" | "discontinued";
                            stock: {
                                available: number;
                                inStock: boolean;
                            };
                            tags: string[];
                            updatedAt: string;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the Authorization header is not a valid access token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unknown product */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Discontinue a product */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not the owner or an admin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unknown product */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description already discontinued, or a concurrent change won */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description stale If-Match */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change details and/or price; `If-Match` with the ETag guards against lost updates */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        category?: string;
                        description?: string;
                        name?: string;
                        price?: {
                            amount: number;
                            /** @enum {string} */
                            currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
                        };
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description accepted; `X-Consistency-Token` lets a read wait for it */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not the owner or an admin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unknown product */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the product is discontinued, or a concurrent change won */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description stale If-Match */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/products/{id}/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a product image (admin, or the customer who listed it): the body is the image itself, at most 5242880 bytes. Stored with an 800 px medium and a 200 px thumbnail (WebP); the original is re-encoded without its metadata. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                };
            };
            responses: {
                /** @description stored; `Location` is the original, `ETag` the product revision */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            productId: string;
                            revision: number;
                            urls: {
                                medium: string;
                                original: string;
                                thumbnail: string;
                            };
                            variants: {
                                bytes: number;
                                contentType: string;
                                height: number;
                                name: string;
                                url: string;
                                width: number;
                            }[];
                        };
                    };
                };
                /** @description the body is empty or does not decode as an image (`errors` names `body`), or a bad id */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not the owner or an admin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unknown product */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the product is discontinued or has its 12 images already */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than 5242880 bytes (IMAGE_MAX_BYTES) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not labelled image/jpeg, image/png or image/webp, or the bytes are not what the label says */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the image store or another backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}/images/{imageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a product image (admin, or the customer who listed it) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                    imageId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description removed; its stored objects are deleted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consistencyToken: string;
                            id: string;
                            position: number;
                            revision: number;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not authenticated: a valid bearer access token is required */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description not the owner or an admin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unknown product or image */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a concurrent change won */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description stale If-Match */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-sent events of one product's availability: the current state at once, then each change (a sale, a restock, a return, discontinuation) */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "last-event-id"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `event: availability` events; `id` grows with every change of the product or its stock */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the Authorization header is not a valid access token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unknown product */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the caller has SSE_MAX_CONNECTIONS_PER_USER live streams open already */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the server is shutting down; reconnect */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}/recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customers who bought this also bought: the products most often on the same completed order, most first (then by id), discontinued ones left out; `limit` 1-20, default 5 */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the recommendations, possibly none */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description completed orders that held both products */
                                boughtTogether: number;
                                category: string;
                                createdAt: string;
                                description: string;
                                id: string;
                                images: {
                                    height: number;
                                    id: string;
                                    urls: {
                                        medium: string;
                                        original: string;
                                        thumbnail: string;
                                    };
                                    width: number;
                                }[];
                                listedBy: string | null;
                                name: string;
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                revision: number;
                                sku: string;
                                /** @enum {string} */
                                status: "active" | "discontinued";
                                stock: {
                                    available: number;
                                    inStock: boolean;
                                };
                                tags: string[];
                                updatedAt: string;
                            }[];
                            productId: string;
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the Authorization header is not a valid access token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unknown product */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Several products by id in one read (any status, as `/api/products/{id}`), in the order asked; unknown ids are left out */
        get: {
            parameters: {
                query: {
                    ids: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the products found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                category: string;
                                createdAt: string;
                                description: string;
                                id: string;
                                images: {
                                    height: number;
                                    id: string;
                                    urls: {
                                        medium: string;
                                        original: string;
                                        thumbnail: string;
                                    };
                                    width: number;
                                }[];
                                listedBy: string | null;
                                name: string;
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                revision: number;
                                sku: string;
                                /** @enum {string} */
                                status: "active" | "discontinued";
                                stock: {
                                    available: number;
                                    inStock: boolean;
                                };
                                tags: string[];
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the Authorization header is not a valid access token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/graphql": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A GraphQL query in the URL (mutations need POST); without one, GraphiQL in development */
        get: {
            parameters: {
                query?: {
                    extensions?: string;
                    operationName?: string;
                    /** @description a query (not a mutation) */
                    query?: string;
                    /** @description JSON of the variables */
                    variables?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the result; refusals of single fields (403 FORBIDDEN, 404 NOT_FOUND, 409 CONFLICT, ...) are in `errors` beside the data */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/graphql-response+json": {
                            data?: {
                                [key: string]: unknown;
                            } | null;
                            errors?: {
                                extensions?: {
                                    [key: string]: unknown;
                                };
                                message: string;
                                path?: (string | number)[];
                            }[];
                        };
                        "application/json": {
                            data?: {
                                [key: string]: unknown;
                            } | null;
                            errors?: {
                                extensions?: {
                                    [key: string]: unknown;
                                };
                                message: string;
                                path?: (string | number)[];
                            }[];
                        };
                        "text/html": string;
                    };
                };
                /** @description not a GraphQL request (`BAD_REQUEST`, naming the field), or a query past the depth or cost limit (`QUERY_TOO_DEEP`, `QUERY_TOO_COSTLY`); with `Accept: application/graphql-response+json`, also one that does not parse or validate; a body that is not JSON is problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/graphql-response+json": {
                            data?: {
                                [key: string]: unknown;
                            } | null;
                            errors?: {
                                extensions?: {
                                    [key: string]: unknown;
                                };
                                message: string;
                                path?: (string | number)[];
                            }[];
                        };
                        "application/json": {
                            data?: {
                                [key: string]: unknown;
                            } | null;
                            errors?: {
                                extensions?: {
                                    [key: string]: unknown;
                                };
                                message: string;
                                path?: (string | number)[];
                            }[];
                        };
                        "application/problem+json": {
                            detail?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a field needs a signed-in caller (`UNAUTHENTICATED`), or the Authorization header is not a valid access token (problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/graphql-response+json": {
                            data?: {
                                [key: string]: unknown;
                            } | null;
                            errors?: {
                                extensions?: {
                                    [key: string]: unknown;
                                };
                                message: string;
                                path?: (string | number)[];
                            }[];
                        };
                        "application/json": {
                            data?: {
                                [key: string]: unknown;
                            } | null;
                            errors?: {
                                extensions?: {
                                    [key: string]: unknown;
                                };
                                message: string;
                                path?: (string | number)[];
                            }[];
                        };
                        "application/problem+json": {
                            detail?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a mutation sent with GET */
                405: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/graphql-response+json": {
                            data?: {
                                [key: string]: unknown;
                            } | null;
                            errors?: {
                                extensions?: {
                                    [key: string]: unknown;
                                };
                                message: string;
                                path?: (string | number)[];
                            }[];
                        };
                        "application/json": {
                            data?: {
                                [key: string]: unknown;
                            } | null;
                            errors?: {
                                extensions?: {
                                    [key: string]: unknown;
                                };
                                message: string;
                                path?: (string | number)[];
                            }[];
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/graphql-response+json": {
                            data?: {
                                [key: string]: unknown;
                            } | null;
                            errors?: {
                                extensions?: {
                                    [key: string]: unknown;
                                };
                                message: string;
                                path?: (string | number)[];
                            }[];
                        };
                        "application/json": {
                            data?: {
                                [key: string]: unknown;
                            } | null;
                            errors?: {
                                extensions?: {
                                    [key: string]: unknown;
                                };
                                message: string;
                                path?: (string | number)[];
                            }[];
                        };
                        "application/problem+json": {
                            detail?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** GraphQL over the same routes and rules as REST: catalog, cart, own orders and notifications, admin lists; the customer's commands as mutations */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        extensions?: {
                            [key: string]: unknown;
                        } | null;
                        operationName?: string | null;
                        /** @description the GraphQL document; the schema is in `schemas/graphql/schema.graphql` and by introspection */
                        query: string;
                        variables?: {
                            [key: string]: unknown;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description the result; refusals of single fields (403 FORBIDDEN, 404 NOT_FOUND, 409 CONFLICT, ...) are in `errors` beside the data */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/graphql-response+json": {
                            data?: {
                                [key: string]: unknown;
                            } | null;
                            errors?: {
                                extensions?: {
                                    [key: string]: unknown;
                                };
                                message: string;
                                path?: (string | number)[];
                            }[];
                        };
                        "application/json": {
                            data?: {
                                [key: string]: unknown;
                            } | null;
                            errors?: {
                                extensions?: {
                                    [key: string]: unknown;
                                };
                                message: string;
                                path?: (string | number)[];
                            }[];
                        };
                    };
                };
                /** @description not a GraphQL request (`BAD_REQUEST`, naming the field), or a query past the depth or cost limit (`QUERY_TOO_DEEP`, `QUERY_TOO_COSTLY`); with `Accept: application/graphql-response+json`, also one that does not parse or validate; a body that is not JSON is problem+json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/graphql-response+json": {
                            data?: {
                                [key: string]: unknown;
                            } | null;
                            errors?: {
                                extensions?: {
                                    [key: string]: unknown;
                                };
                                message: string;
                                path?: (string | number)[];
                            }[];
                        };
                        "application/json": {
                            data?: {
                                [key: string]: unknown;
                            } | null;
                            errors?: {
                                extensions?: {
                                    [key: string]: unknown;
                                };
                                message: string;
                                path?: (string | number)[];
                            }[];
                        };
                        "application/problem+json": {
                            detail?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a field needs a signed-in caller (`UNAUTHENTICATED`), or the Authorization header is not a valid access token (problem+json) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/graphql-response+json": {
                            data?: {
                                [key: string]: unknown;
                            } | null;
                            errors?: {
                                extensions?: {
                                    [key: string]: unknown;
                                };
                                message: string;
                                path?: (string | number)[];
                            }[];
                        };
                        "application/json": {
                            data?: {
                                [key: string]: unknown;
                            } | null;
                            errors?: {
                                extensions?: {
                                    [key: string]: unknown;
                                };
                                message: string;
                                path?: (string | number)[];
                            }[];
                        };
                        "application/problem+json": {
                            detail?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description body larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/graphql-response+json": {
                            data?: {
                                [key: string]: unknown;
                            } | null;
                            errors?: {
                                extensions?: {
                                    [key: string]: unknown;
                                };
                                message: string;
                                path?: (string | number)[];
                            }[];
                        };
                        "application/json": {
                            data?: {
                                [key: string]: unknown;
                            } | null;
                            errors?: {
                                extensions?: {
                                    [key: string]: unknown;
                                };
                                message: string;
                                path?: (string | number)[];
                            }[];
                        };
                        "application/problem+json": {
                            detail?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/images/products/{productId}/{imageId}/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A stored image variant (public; immutable: cached for a year, with its ETag) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file: string;
                    imageId: string;
                    productId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the image, as `image/jpeg`, `image/png` or `image/webp` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description not modified (If-None-Match) */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description invalid input; `errors` names each field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description the Authorization header is not a valid access token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description no such image */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description a backing service is unavailable; retry later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            detail?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
